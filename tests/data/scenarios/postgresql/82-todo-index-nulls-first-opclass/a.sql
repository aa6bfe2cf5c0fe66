CREATE TABLE todos (
    id integer PRIMARY KEY,
    title varchar(200) NOT NULL,
    code text,
    due_on date,
    priority integer
);
CREATE INDEX ix_todos_due ON todos (due_on);
CREATE INDEX ix_todos_title ON todos (title);
CREATE INDEX ix_todos_priority ON todos (priority DESC NULLS LAST);
CREATE INDEX ix_todos_code_c ON todos (code);
