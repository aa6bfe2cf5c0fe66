-- cdb: rename table leads to prospects
CREATE TABLE contacts (
    id integer PRIMARY KEY,
    email text NOT NULL,
    hidden boolean NOT NULL DEFAULT false
);
ALTER TABLE contacts ENABLE ROW LEVEL SECURITY;
CREATE POLICY contacts_visible ON contacts FOR ALL USING (NOT hidden);
CREATE POLICY contacts_guard ON contacts AS RESTRICTIVE USING (email <> '');
CREATE POLICY contacts_edit ON contacts FOR UPDATE USING (true) WITH CHECK (email LIKE '%@%');
CREATE TABLE prospects (
    id integer,
    source text NOT NULL,
    CONSTRAINT leads_pkey PRIMARY KEY (id)
);
ALTER TABLE prospects ENABLE ROW LEVEL SECURITY;
CREATE POLICY leads_all ON prospects USING (source <> 'spam');
