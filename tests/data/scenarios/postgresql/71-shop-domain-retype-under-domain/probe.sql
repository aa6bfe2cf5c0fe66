SELECT id, code, alt, tags, pg_typeof(code), pg_typeof(tags) FROM items ORDER BY id;
