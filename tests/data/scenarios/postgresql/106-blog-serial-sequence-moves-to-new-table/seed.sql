INSERT INTO drafts (body) VALUES ('x'), ('y');
