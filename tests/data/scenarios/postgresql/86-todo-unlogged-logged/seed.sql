INSERT INTO todo_cache (payload) VALUES ('{"a": 1}'), ('{"b": 2}');
INSERT INTO todo_events (kind) VALUES ('created'), ('done'), ('reopened');
