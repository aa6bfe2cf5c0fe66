CREATE TABLE todos (
    id integer PRIMARY KEY,
    list_id integer NOT NULL,
    title text NOT NULL,
    email text,
    created_at timestamp NOT NULL DEFAULT '2024-01-01'
);
CREATE UNIQUE INDEX ux_todos_lemail ON todos (lower(email));
CREATE INDEX ix_todos_list_ltitle ON todos (list_id, lower(title));
CREATE INDEX ix_todos_day ON todos (date_trunc('day', created_at));
