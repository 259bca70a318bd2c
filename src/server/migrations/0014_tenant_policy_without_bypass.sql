-- The definer clause (`OR app_in_definer()`) of 0012's policies stays only on the three tables that the
-- named cross-association functions read: sessions, users and outbox_messages. Everywhere else the
-- policy is the bare equality, which PostgreSQL can use as an index condition: a lookup by id written
-- without an organization filter then walks the (organization_id, id) key instead of the whole index
-- (measured at 100k rows: 40 ms → 0.2 ms).
DO $$
DECLARE t text;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r'
      AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'tenant_isolation')
      AND c.relname NOT IN ('sessions', 'users', 'outbox_messages', 'organizations', 'audit_events')
  LOOP
    EXECUTE format('ALTER POLICY tenant_isolation ON %I
      USING (organization_id = app_current_organization())
      WITH CHECK (organization_id = app_current_organization())', t);
  END LOOP;
END $$;
--> statement-breakpoint
ALTER POLICY tenant_isolation ON organizations
  USING (id = app_current_organization())
  WITH CHECK (id = app_current_organization());
--> statement-breakpoint
ALTER POLICY tenant_isolation ON audit_events
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization() OR organization_id IS NULL);
