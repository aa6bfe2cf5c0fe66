CREATE TABLE todos (
    id integer PRIMARY KEY,
    title text NOT NULL,
    updated_at timestamptz
);
CREATE TABLE todo_audit (id serial PRIMARY KEY, what text NOT NULL);
CREATE FUNCTION audit_todo() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO todo_audit (what) VALUES (TG_OP);
    RETURN NULL;
END
$$;
CREATE TRIGGER todos_audit AFTER INSERT ON todos FOR EACH ROW EXECUTE FUNCTION audit_todo();
CREATE TRIGGER todos_audit_delete AFTER DELETE ON todos FOR EACH ROW EXECUTE FUNCTION audit_todo();
