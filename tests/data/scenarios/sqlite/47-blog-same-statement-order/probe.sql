SELECT name, title FROM user_posts ORDER BY name, title;
