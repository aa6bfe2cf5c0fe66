CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    user_id INTEGER REFERENCES users (id),
    title TEXT NOT NULL,
    edited_at TEXT
);
CREATE INDEX ix_posts_user ON posts (user_id);
CREATE UNIQUE INDEX ux_users_name ON users (name);
CREATE VIEW user_posts AS SELECT u.name, p.title FROM users u JOIN posts p ON p.user_id = u.id;
CREATE TRIGGER posts_edit AFTER UPDATE OF title ON posts
BEGIN
    UPDATE posts SET edited_at = 'now' WHERE id = NEW.id;
END;
