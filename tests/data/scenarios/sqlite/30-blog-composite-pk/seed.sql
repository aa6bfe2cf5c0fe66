INSERT INTO posts VALUES (1, 'hello'), (2, 'again');
INSERT INTO tags VALUES (1, 'c'), (2, 'sql');
INSERT INTO post_tags (post_id, tag_id) VALUES (1, 1), (1, 2), (2, 2);
