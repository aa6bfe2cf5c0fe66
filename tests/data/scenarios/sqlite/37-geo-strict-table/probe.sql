SELECT id, name, population, lat, lon FROM cities ORDER BY id;
