CREATE TABLE todos (
    id integer PRIMARY KEY,
    list_id integer NOT NULL,
    title text NOT NULL,
    done boolean NOT NULL DEFAULT false,
    deleted_at timestamptz
);
CREATE INDEX ix_todos_open ON todos (list_id) WHERE NOT done;
