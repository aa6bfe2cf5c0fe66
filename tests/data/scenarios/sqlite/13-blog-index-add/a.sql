CREATE TABLE users (id INTEGER PRIMARY KEY, handle TEXT NOT NULL);
CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    author_id INTEGER REFERENCES users (id),
    published INTEGER NOT NULL DEFAULT 0,
    created_at TEXT
);
