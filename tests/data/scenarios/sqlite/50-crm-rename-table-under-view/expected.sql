-- +cdb upgrade
DROP VIEW "people_with_phones";
DROP TRIGGER "phones_seen";
ALTER TABLE "people" RENAME TO "contacts";
CREATE VIEW people_with_phones AS
    SELECT p.id, p.name, count(ph.id) AS phones FROM contacts p LEFT JOIN phones ph ON ph.person_id = p.id GROUP BY p.id, p.name;
CREATE TRIGGER phones_seen AFTER INSERT ON phones
BEGIN
    UPDATE contacts SET seen = seen + 1 WHERE id = NEW.person_id;
END;


-- +cdb downgrade
DROP TRIGGER "phones_seen";
DROP VIEW "people_with_phones";
ALTER TABLE "contacts" RENAME TO "people";
CREATE TRIGGER phones_seen AFTER INSERT ON phones
BEGIN
    UPDATE people SET seen = seen + 1 WHERE id = NEW.person_id;
END;
CREATE VIEW people_with_phones AS
    SELECT p.id, p.name, count(ph.id) AS phones FROM people p LEFT JOIN phones ph ON ph.person_id = p.id GROUP BY p.id, p.name;

