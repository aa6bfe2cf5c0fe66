CREATE TABLE todos (
    id integer PRIMARY KEY,
    list_id integer NOT NULL,
    title text NOT NULL,
    email text,
    created_at timestamp NOT NULL DEFAULT '2024-01-01'
);
CREATE INDEX ix_todos_ltitle ON todos (lower(title));
