-- +cdb upgrade
DROP TRIGGER "todos_audit" ON "todos";

DROP TRIGGER "todos_audit_delete" ON "todos";

CREATE OR REPLACE FUNCTION public.touch_updated_at()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$function$;

CREATE TRIGGER todos_audit AFTER INSERT ON todos FOR EACH STATEMENT EXECUTE FUNCTION audit_todo();

CREATE TRIGGER todos_touch BEFORE UPDATE OF title ON todos FOR EACH ROW WHEN (old.title IS DISTINCT FROM new.title) EXECUTE FUNCTION touch_updated_at();


-- +cdb downgrade
DROP TRIGGER "todos_touch" ON "todos";

DROP TRIGGER "todos_audit" ON "todos";

DROP FUNCTION "touch_updated_at"();

CREATE TRIGGER todos_audit_delete AFTER DELETE ON todos FOR EACH ROW EXECUTE FUNCTION audit_todo();

CREATE TRIGGER todos_audit AFTER INSERT ON todos FOR EACH ROW EXECUTE FUNCTION audit_todo();

