CREATE TABLE posts (
    id integer PRIMARY KEY,
    title varchar(80) NOT NULL,
    legacy_score integer,
    score integer NOT NULL DEFAULT 0
);
CREATE VIEW post_scores AS SELECT id, score, legacy_score FROM posts;
CREATE VIEW post_titles AS SELECT id, title FROM posts;
