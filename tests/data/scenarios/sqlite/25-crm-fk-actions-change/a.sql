CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE deals (id INTEGER PRIMARY KEY, title TEXT);
CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    deal_id INTEGER NOT NULL REFERENCES deals (id),
    author_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    body TEXT
);
CREATE INDEX ix_notes_deal ON notes (deal_id);
