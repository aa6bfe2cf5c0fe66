-- +cdb upgrade
DROP TRIGGER "v_contacts_ins" ON "v_contacts";

DROP VIEW "v_contacts";

ALTER TABLE "contacts" ALTER COLUMN "name" TYPE text USING "name"::text;

CREATE VIEW "v_contacts" AS
SELECT contacts.id,
    contacts.name
   FROM contacts;

CREATE TRIGGER v_contacts_ins INSTEAD OF INSERT ON v_contacts FOR EACH ROW EXECUTE FUNCTION v_contacts_ins();


-- +cdb downgrade
DROP TRIGGER "v_contacts_ins" ON "v_contacts";

DROP VIEW "v_contacts";

-- cdb: destructive: changes column 'public.contacts.name' from text to character varying(20), which may truncate or fail to convert values
ALTER TABLE "contacts" ALTER COLUMN "name" TYPE character varying(20) USING "name"::character varying;

CREATE VIEW "v_contacts" AS
SELECT contacts.id,
    contacts.name
   FROM contacts;

CREATE TRIGGER v_contacts_ins INSTEAD OF INSERT ON v_contacts FOR EACH ROW EXECUTE FUNCTION v_contacts_ins();

