-- Arabic name search: the SQL twin of src/shared/arabic/names.ts (same rules, same order; an
-- integration test compares both on many names). PostgreSQL's unaccent does nothing for Arabic.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- btree_gin lets one GIN index hold the organization and the name tokens together.
CREATE EXTENSION IF NOT EXISTS btree_gin;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION wasl_normalize_name(input text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT btrim(regexp_replace(
    translate(
      regexp_replace(
        translate(input, '٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹', '01234567890123456789'),
        '[\u064B-\u065F\u0670\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]', '', 'g'),
      'أإآٱؤئىةیکABCDEFGHIJKLMNOPQRSTUVWXYZ',
      'ااااوييهيكabcdefghijklmnopqrstuvwxyz'),
    '[^\u0621-\u063A\u0641-\u064A0-9a-z]+', ' ', 'g'))
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION wasl_name_tokens(input text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  normalized text := wasl_normalize_name(coalesce(input, ''));
  word text;
  tokens text[] := '{}';
  pending text := '';
  n int;
BEGIN
  IF normalized = '' THEN
    RETURN tokens;
  END IF;
  FOREACH word IN ARRAY string_to_array(normalized, ' ') LOOP
    IF word IN ('بن', 'بنت', 'ابن') THEN
      CONTINUE;
    END IF;
    IF word IN ('عبد', 'ابو', 'ام', 'ال') THEN
      pending := pending || word;
      CONTINUE;
    END IF;
    n := coalesce(array_length(tokens, 1), 0);
    IF pending = '' AND word IN ('الله', 'الدين') AND n > 0 THEN
      tokens[n] := tokens[n] || word;
      CONTINUE;
    END IF;
    tokens := tokens || (pending || word);
    pending := '';
  END LOOP;
  IF pending <> '' THEN
    tokens := tokens || pending;
  END IF;
  RETURN tokens;
END
$$;
--> statement-breakpoint
-- The tokens joined by spaces, for trigram ranking (array_to_string itself is only STABLE).
CREATE OR REPLACE FUNCTION wasl_name_key(input text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_to_string(wasl_name_tokens(input), ' ')
$$;
--> statement-breakpoint
ALTER TABLE beneficiaries
  ADD COLUMN name_tokens text[] GENERATED ALWAYS AS (wasl_name_tokens(full_name_ar)) STORED,
  ADD COLUMN name_key text GENERATED ALWAYS AS (wasl_name_key(full_name_ar)) STORED;
--> statement-breakpoint
CREATE INDEX beneficiaries_name_tokens_idx ON beneficiaries USING gin (organization_id, name_tokens);
--> statement-breakpoint
CREATE INDEX beneficiaries_name_key_trgm_idx ON beneficiaries USING gin (name_key gin_trgm_ops);
