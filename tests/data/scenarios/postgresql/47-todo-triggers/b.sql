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
CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER todos_audit AFTER INSERT ON todos FOR EACH STATEMENT EXECUTE FUNCTION audit_todo();
CREATE TRIGGER todos_touch BEFORE UPDATE OF title ON todos
    FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title) EXECUTE FUNCTION touch_updated_at();
