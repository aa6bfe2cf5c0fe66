CREATE TABLE documents (
    id integer PRIMARY KEY,
    title text COLLATE "C" NOT NULL,
    tags varchar(20)[],
    meta jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX ix_documents_meta ON documents USING gin (meta);
