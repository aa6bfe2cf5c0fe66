CREATE TABLE contacts (id integer PRIMARY KEY, name varchar(20));
CREATE VIEW v_contacts AS SELECT id, name FROM contacts;
CREATE FUNCTION v_contacts_ins() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN INSERT INTO contacts VALUES (NEW.id, NEW.name); RETURN NEW; END$$;
CREATE TRIGGER v_contacts_ins INSTEAD OF INSERT ON v_contacts FOR EACH ROW EXECUTE FUNCTION v_contacts_ins();
