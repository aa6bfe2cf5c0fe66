SELECT id, payload FROM todo_cache ORDER BY id;
SELECT id, kind FROM todo_events ORDER BY id;
