SELECT id, assignee, status, priority FROM tickets ORDER BY id;
