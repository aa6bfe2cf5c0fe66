SELECT id, deal_id, author_id, body FROM notes ORDER BY id;
