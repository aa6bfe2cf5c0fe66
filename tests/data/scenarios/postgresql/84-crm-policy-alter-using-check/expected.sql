-- +cdb upgrade
ALTER POLICY "tickets_insert" ON "tickets" TO "postgres"
    WITH CHECK (priority >= 1 AND priority <= 3);

ALTER POLICY "tickets_keep" ON "tickets"
    USING (priority > 0);

ALTER POLICY "tickets_read" ON "tickets"
    USING (status <> ALL (ARRAY['deleted'::text, 'spam'::text]));

ALTER POLICY "tickets_update" ON "tickets" TO PUBLIC
    USING (assignee = CURRENT_USER)
    WITH CHECK (status = ANY (ARRAY['open'::text, 'closed'::text]));


-- +cdb downgrade
ALTER POLICY "tickets_update" ON "tickets" TO "postgres"
    USING (assignee IS NOT NULL)
    WITH CHECK (status <> ''::text);

ALTER POLICY "tickets_read" ON "tickets"
    USING (status <> 'deleted'::text);

ALTER POLICY "tickets_keep" ON "tickets"
    USING (true);

ALTER POLICY "tickets_insert" ON "tickets" TO PUBLIC
    WITH CHECK (priority >= 1 AND priority <= 5);

