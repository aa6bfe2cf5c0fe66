-- The SQLite catalog query set: everything a schema diff needs (tables and
-- their SQL, columns, indexes with their columns, foreign keys), read with
-- four whole-database queries instead of per-table round trips.
SELECT type, name, tbl_name, sql FROM sqlite_schema
 WHERE name NOT LIKE 'sqlite!_%' ESCAPE '!' ORDER BY type, name;
SELECT s.name, c.cid, c.name, c.type, c."notnull", c.dflt_value, c.pk, c.hidden
  FROM sqlite_schema AS s, pragma_table_xinfo(s.name) AS c
 WHERE s.type = 'table' AND s.name NOT LIKE 'sqlite!_%' ESCAPE '!'
 ORDER BY s.name, c.cid;
SELECT s.name, l.name, l."unique", l.origin, l.partial, i.seqno, i.name
  FROM sqlite_schema AS s, pragma_index_list(s.name) AS l, pragma_index_info(l.name) AS i
 WHERE s.type = 'table' AND s.name NOT LIKE 'sqlite!_%' ESCAPE '!'
 ORDER BY s.name, l.name, i.seqno;
SELECT s.name, f.id, f.seq, f."table", f."from", f."to", f.on_update, f.on_delete
  FROM sqlite_schema AS s, pragma_foreign_key_list(s.name) AS f
 WHERE s.type = 'table' AND s.name NOT LIKE 'sqlite!_%' ESCAPE '!'
 ORDER BY s.name, f.id, f.seq;
