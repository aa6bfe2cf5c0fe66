CREATE TABLE posts (
    id integer PRIMARY KEY,
    title varchar(200) NOT NULL,
    score integer NOT NULL DEFAULT 0
);
CREATE VIEW post_scores AS SELECT id, score FROM posts;
CREATE VIEW post_titles AS SELECT id, title FROM posts;
