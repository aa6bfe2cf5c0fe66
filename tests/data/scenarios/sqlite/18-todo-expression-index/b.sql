CREATE TABLE todos (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    email TEXT
);
CREATE UNIQUE INDEX ux_todos_lemail ON todos (lower(email));
CREATE INDEX ix_todos_prefix ON todos (substr(title, 1, 3), length(title));
