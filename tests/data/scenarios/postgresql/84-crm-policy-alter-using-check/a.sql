CREATE TABLE tickets (
    id integer PRIMARY KEY,
    assignee text,
    status text NOT NULL DEFAULT 'open',
    priority integer NOT NULL DEFAULT 3
);
ALTER TABLE tickets ENABLE ROW LEVEL SECURITY;
CREATE POLICY tickets_read ON tickets FOR SELECT USING (status <> 'deleted');
CREATE POLICY tickets_insert ON tickets FOR INSERT WITH CHECK (priority BETWEEN 1 AND 5);
CREATE POLICY tickets_update ON tickets FOR UPDATE TO CURRENT_USER USING (assignee IS NOT NULL) WITH CHECK (status <> '');
CREATE POLICY tickets_delete ON tickets FOR DELETE USING (status = 'closed');
CREATE POLICY tickets_keep ON tickets AS RESTRICTIVE USING (true);
