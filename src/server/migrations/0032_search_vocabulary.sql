-- Name search with typos and hints (issue 15 item 4; decision 027). Each association's vocabulary: the
-- distinct normalised name tokens of its beneficiaries (kind 'name', as wasl_name_tokens makes them) and
-- their cities as written (kind 'city'; the search compares them normalised, a few dozen per association). A query token that no
-- record has is looked up here (a few thousand rows, trigram GIN) for its closest tokens, and the search
-- then goes through the beneficiaries' own token index; a city typed after the name is recognised here.
-- Kept by a trigger on beneficiaries (insert, or a change of the name or the city): a new token is one
-- INSERT … ON CONFLICT DO NOTHING, which takes no lock on a token that is already there, so registrations
-- of people named محمد do not queue on one row; a token that a renamed or destroyed record leaves and no
-- other record has is forgotten. Bulk loads that bypass triggers call beneficiary_name_vocabulary_rebuild().
CREATE TABLE "beneficiary_name_vocabulary" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"token" text NOT NULL,
	CONSTRAINT "beneficiary_name_vocabulary_pkey" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "beneficiary_name_vocabulary_kind_check" CHECK ("kind" IN ('name', 'city'))
);
--> statement-breakpoint
ALTER TABLE "beneficiary_name_vocabulary" ADD CONSTRAINT "beneficiary_name_vocabulary_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "beneficiary_name_vocabulary_key" ON "beneficiary_name_vocabulary" USING btree ("organization_id","kind","token");--> statement-breakpoint
CREATE INDEX "beneficiary_name_vocabulary_trgm_idx" ON "beneficiary_name_vocabulary" USING gin ("organization_id", "token" gin_trgm_ops) WHERE "kind" = 'name';--> statement-breakpoint
ALTER TABLE "beneficiary_name_vocabulary" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "beneficiary_name_vocabulary" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "beneficiary_name_vocabulary"
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());
--> statement-breakpoint
-- SECURITY DEFINER: the "does any other record have this token" check must use the token index, which
-- row-level security forbids to the application role (see app_beneficiary_name_matches below); the
-- rows it writes are those of the record's own association (the policy's WITH CHECK still applies).
CREATE FUNCTION beneficiary_name_vocabulary_record() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.name_tokens IS DISTINCT FROM OLD.name_tokens OR NEW.city IS DISTINCT FROM OLD.city THEN
    INSERT INTO beneficiary_name_vocabulary (organization_id, kind, token)
    SELECT NEW.organization_id, 'name', t FROM unnest(NEW.name_tokens) AS t
    UNION
    SELECT NEW.organization_id, 'city', btrim(NEW.city) WHERE btrim(NEW.city) <> ''
    ON CONFLICT (organization_id, kind, token) DO NOTHING;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.name_tokens IS DISTINCT FROM OLD.name_tokens THEN
    -- The AFTER trigger sees this record's new tokens: a token is kept while any record has it.
    DELETE FROM beneficiary_name_vocabulary v
     WHERE v.organization_id = OLD.organization_id AND v.kind = 'name'
       AND v.token = ANY (ARRAY(SELECT unnest(OLD.name_tokens) EXCEPT SELECT unnest(NEW.name_tokens)))
       AND NOT EXISTS (SELECT 1 FROM beneficiaries b
                        WHERE b.organization_id = OLD.organization_id AND b.name_tokens @> ARRAY[v.token]);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER beneficiaries_name_vocabulary
  AFTER INSERT OR UPDATE OF full_name_ar, city ON beneficiaries
  FOR EACH ROW EXECUTE FUNCTION beneficiary_name_vocabulary_record();
--> statement-breakpoint
-- The vocabulary counted again from the beneficiaries: run by this migration and after bench loads.
CREATE FUNCTION beneficiary_name_vocabulary_rebuild() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE n integer;
BEGIN
  DELETE FROM beneficiary_name_vocabulary;
  INSERT INTO beneficiary_name_vocabulary (organization_id, kind, token)
  SELECT DISTINCT b.organization_id, 'name', t FROM beneficiaries b, unnest(b.name_tokens) AS t
  UNION
  SELECT DISTINCT b.organization_id, 'city', btrim(b.city) FROM beneficiaries b WHERE btrim(b.city) <> '';
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END;
$$;
--> statement-breakpoint
SELECT beneficiary_name_vocabulary_rebuild();
--> statement-breakpoint
-- The records of the transaction's association whose name tokens include every token of p_all and, for
-- each row of p_any (a two-dimensional array, rows padded with NULL), at least one of that row. Under
-- row-level security PostgreSQL uses an index only for leakproof operators (so that a policy cannot be
-- probed through an error), and the array operators @> and && are not: the application role's own query
-- would read every beneficiary of the installation (measured at 100 k: 230 ms cold cache hits, 1.5 s
-- cold). This narrow definer function reads only ids, only of app_current_organization(); the caller
-- joins them back to beneficiaries under its own policy. Where the owner is itself bound by the policy
-- (neither superuser nor BYPASSRLS), the answer is the same, only slower.
CREATE FUNCTION app_beneficiary_name_matches(p_all text[], p_any text[]) RETURNS SETOF uuid
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 50 AS $$
DECLARE
  org uuid := app_current_organization();
  conditions text := '';
  alternatives text[];
BEGIN
  IF org IS NULL THEN
    RETURN;
  END IF;
  IF cardinality(p_all) > 0 THEN
    conditions := conditions || format(' AND name_tokens @> %L::text[]', p_all);
  END IF;
  IF array_ndims(p_any) = 2 THEN
    FOREACH alternatives SLICE 1 IN ARRAY p_any LOOP
      alternatives := array_remove(alternatives, NULL);
      IF cardinality(alternatives) > 0 THEN
        conditions := conditions || format(' AND name_tokens && %L::text[]', alternatives);
      END IF;
    END LOOP;
  END IF;
  IF conditions = '' THEN
    RETURN;
  END IF;
  RETURN QUERY EXECUTE 'SELECT id FROM beneficiaries WHERE organization_id = $1' || conditions USING org;
END;
$$;
--> statement-breakpoint
-- The closest tokens of the association's vocabulary to each typed token that no record has (trigram
-- similarity at least 0.25, the best p_limit), through the trigram index (definer, as above).
CREATE FUNCTION app_name_vocabulary_similar(p_tokens text[], p_limit integer)
RETURNS TABLE (typed text, token text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET pg_trgm.similarity_threshold = 0.25 AS $$
  SELECT u.typed, v.token
    FROM unnest(p_tokens) AS u(typed)
    CROSS JOIN LATERAL (
      SELECT v.token FROM beneficiary_name_vocabulary v
       WHERE v.organization_id = app_current_organization() AND v.kind = 'name' AND v.token % u.typed
       ORDER BY similarity(v.token, u.typed) DESC, v.token
       LIMIT p_limit) v
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_beneficiary_name_matches(text[], text[]), app_name_vocabulary_similar(text[], integer)
  FROM PUBLIC;
