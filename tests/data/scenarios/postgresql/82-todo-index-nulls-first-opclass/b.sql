CREATE TABLE todos (
    id integer PRIMARY KEY,
    title varchar(200) NOT NULL,
    code text,
    due_on date,
    priority integer
);
CREATE INDEX ix_todos_due ON todos (due_on NULLS FIRST);
CREATE INDEX ix_todos_title ON todos (title varchar_pattern_ops);
CREATE INDEX ix_todos_priority ON todos (priority DESC NULLS FIRST);
CREATE INDEX ix_todos_code_c ON todos (code COLLATE "C");
CREATE INDEX ix_todos_code ON todos (lower(code) text_pattern_ops DESC NULLS LAST, due_on NULLS FIRST);
