SELECT id, titre, lieu FROM événements ORDER BY id;
