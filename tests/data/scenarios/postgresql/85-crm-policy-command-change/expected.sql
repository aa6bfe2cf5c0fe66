-- +cdb upgrade
DROP POLICY "contacts_edit" ON "contacts";

DROP POLICY "contacts_guard" ON "contacts";

DROP POLICY "contacts_visible" ON "contacts";

ALTER TABLE "leads" RENAME TO "prospects";

CREATE POLICY "contacts_edit" ON "contacts" FOR UPDATE
    USING (true)
    WITH CHECK (email ~~ '%@%'::text);

CREATE POLICY "contacts_guard" ON "contacts" AS RESTRICTIVE
    USING (email <> ''::text);

CREATE POLICY "contacts_visible" ON "contacts"
    USING (NOT hidden);

-- cdb: destructive: drops table 'public.old_imports' and its rows
DROP TABLE "old_imports";


-- +cdb downgrade
CREATE TABLE "old_imports" (
    "id" integer NOT NULL,
    "batch" text,
    CONSTRAINT "old_imports_pkey" PRIMARY KEY (id)
);
ALTER TABLE "old_imports" ENABLE ROW LEVEL SECURITY;

DROP POLICY "contacts_visible" ON "contacts";

DROP POLICY "contacts_guard" ON "contacts";

DROP POLICY "contacts_edit" ON "contacts";

ALTER TABLE "prospects" RENAME TO "leads";

CREATE POLICY "old_imports_read" ON "old_imports" FOR SELECT
    USING (batch IS NOT NULL);

CREATE POLICY "contacts_visible" ON "contacts" FOR SELECT
    USING (NOT hidden);

CREATE POLICY "contacts_guard" ON "contacts"
    USING (email <> ''::text);

CREATE POLICY "contacts_edit" ON "contacts" FOR UPDATE
    USING (true);

