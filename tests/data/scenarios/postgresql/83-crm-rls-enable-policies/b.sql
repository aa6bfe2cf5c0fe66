CREATE TABLE accounts (
    id integer PRIMARY KEY,
    owner_name text NOT NULL,
    region text NOT NULL,
    archived boolean NOT NULL DEFAULT false
);
CREATE TABLE notes (
    id integer PRIMARY KEY,
    account_id integer NOT NULL REFERENCES accounts (id),
    body text NOT NULL
);
ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE accounts FORCE ROW LEVEL SECURITY;
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY accounts_read ON accounts FOR SELECT USING (owner_name = current_user);
CREATE POLICY accounts_write ON accounts FOR INSERT TO CURRENT_USER WITH CHECK (region IN ('eu', 'us'));
CREATE POLICY accounts_change ON accounts FOR UPDATE USING (NOT archived) WITH CHECK (owner_name <> '');
CREATE POLICY accounts_remove ON accounts FOR DELETE TO PUBLIC USING (archived);
CREATE POLICY accounts_live ON accounts AS RESTRICTIVE USING (NOT archived OR owner_name = current_user);
CREATE POLICY "notes all" ON notes USING (account_id > 0);
