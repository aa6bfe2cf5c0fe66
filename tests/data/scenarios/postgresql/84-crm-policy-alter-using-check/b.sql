CREATE TABLE tickets (
    id integer PRIMARY KEY,
    assignee text,
    status text NOT NULL DEFAULT 'open',
    priority integer NOT NULL DEFAULT 3
);
ALTER TABLE tickets ENABLE ROW LEVEL SECURITY;
CREATE POLICY tickets_read ON tickets FOR SELECT USING (status NOT IN ('deleted', 'spam'));
CREATE POLICY tickets_insert ON tickets FOR INSERT TO CURRENT_USER WITH CHECK (priority BETWEEN 1 AND 3);
CREATE POLICY tickets_update ON tickets FOR UPDATE USING (assignee = current_user) WITH CHECK (status IN ('open', 'closed'));
CREATE POLICY tickets_delete ON tickets FOR DELETE USING (status = 'closed');
CREATE POLICY tickets_keep ON tickets AS RESTRICTIVE USING (priority > 0);
