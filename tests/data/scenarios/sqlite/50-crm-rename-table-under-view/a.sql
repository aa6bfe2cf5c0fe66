CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    seen INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE phones (
    id INTEGER PRIMARY KEY,
    person_id INTEGER REFERENCES people (id),
    number TEXT NOT NULL
);
CREATE VIEW people_with_phones AS
    SELECT p.id, p.name, count(ph.id) AS phones FROM people p LEFT JOIN phones ph ON ph.person_id = p.id GROUP BY p.id, p.name;
CREATE TRIGGER phones_seen AFTER INSERT ON phones
BEGIN
    UPDATE people SET seen = seen + 1 WHERE id = NEW.person_id;
END;
