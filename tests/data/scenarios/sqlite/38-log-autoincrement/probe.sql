SELECT id, kind, at FROM events ORDER BY id;
SELECT id, event_id, who FROM audit ORDER BY id;
