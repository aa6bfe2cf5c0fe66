CREATE TABLE contacts (
    id integer PRIMARY KEY,
    email text NOT NULL,
    hidden boolean NOT NULL DEFAULT false
);
ALTER TABLE contacts ENABLE ROW LEVEL SECURITY;
CREATE POLICY contacts_visible ON contacts FOR SELECT USING (NOT hidden);
CREATE POLICY contacts_guard ON contacts USING (email <> '');
CREATE POLICY contacts_edit ON contacts FOR UPDATE USING (true);
CREATE TABLE leads (
    id integer PRIMARY KEY,
    source text NOT NULL
);
ALTER TABLE leads ENABLE ROW LEVEL SECURITY;
CREATE POLICY leads_all ON leads USING (source <> 'spam');
CREATE TABLE old_imports (
    id integer PRIMARY KEY,
    batch text
);
ALTER TABLE old_imports ENABLE ROW LEVEL SECURITY;
CREATE POLICY old_imports_read ON old_imports FOR SELECT USING (batch IS NOT NULL);
