-- posts first: SQLite does not check FK targets at CREATE time
CREATE TABLE IF NOT EXISTS posts (
    id INTEGER PRIMARY KEY,   /* rowid alias */
    user_id INTEGER REFERENCES users (id),
    title TEXT NOT NULL,
    edited_at TEXT
);
CREATE TRIGGER IF NOT EXISTS posts_edit AFTER UPDATE OF title ON posts
BEGIN
    UPDATE posts SET edited_at = 'now' WHERE id = NEW.id;
END;
CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE VIEW IF NOT EXISTS user_posts AS SELECT u.name, p.title FROM users u JOIN posts p ON p.user_id = u.id;
CREATE UNIQUE INDEX IF NOT EXISTS ux_users_name ON users (name ASC);
CREATE INDEX ix_posts_user ON posts (user_id ASC);
