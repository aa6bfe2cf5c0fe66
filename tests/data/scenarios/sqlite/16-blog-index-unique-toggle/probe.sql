SELECT id, email, nick FROM users ORDER BY id;
