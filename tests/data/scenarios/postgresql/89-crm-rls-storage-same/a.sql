CREATE FUNCTION crm_region_ok(r text) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS $$ SELECT r IN ('eu', 'us') $$;
CREATE TABLE accounts (
    id integer PRIMARY KEY,
    owner_name text NOT NULL,
    region text NOT NULL
) WITH (autovacuum_enabled = true, fillfactor = 70);
ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE accounts FORCE ROW LEVEL SECURITY;
CREATE POLICY accounts_read ON accounts FOR SELECT USING (owner_name = current_user);
CREATE POLICY accounts_add ON accounts FOR INSERT TO CURRENT_USER WITH CHECK (crm_region_ok(region));
CREATE POLICY accounts_edit ON accounts FOR UPDATE TO PUBLIC USING (true) WITH CHECK (region <> '');
CREATE POLICY accounts_del ON accounts FOR DELETE USING (owner_name = current_user);
CREATE POLICY accounts_limit ON accounts AS RESTRICTIVE USING (region IS NOT NULL);
CREATE UNLOGGED TABLE sessions (
    id bigserial PRIMARY KEY,
    account_id integer,
    token text NOT NULL
) WITH (toast.autovacuum_enabled = false);
