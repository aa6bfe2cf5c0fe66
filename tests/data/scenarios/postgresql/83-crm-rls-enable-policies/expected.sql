-- +cdb upgrade
ALTER TABLE "accounts" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "accounts" FORCE ROW LEVEL SECURITY;

ALTER TABLE "notes" ENABLE ROW LEVEL SECURITY;

CREATE POLICY "accounts_change" ON "accounts" FOR UPDATE
    USING (NOT archived)
    WITH CHECK (owner_name <> ''::text);

CREATE POLICY "accounts_live" ON "accounts" AS RESTRICTIVE
    USING (NOT archived OR owner_name = CURRENT_USER);

CREATE POLICY "accounts_read" ON "accounts" FOR SELECT
    USING (owner_name = CURRENT_USER);

CREATE POLICY "accounts_remove" ON "accounts" FOR DELETE
    USING (archived);

CREATE POLICY "accounts_write" ON "accounts" FOR INSERT TO "postgres"
    WITH CHECK (region = ANY (ARRAY['eu'::text, 'us'::text]));

CREATE POLICY "notes all" ON "notes"
    USING (account_id > 0);


-- +cdb downgrade
DROP POLICY "notes all" ON "notes";

DROP POLICY "accounts_write" ON "accounts";

DROP POLICY "accounts_remove" ON "accounts";

DROP POLICY "accounts_read" ON "accounts";

DROP POLICY "accounts_live" ON "accounts";

DROP POLICY "accounts_change" ON "accounts";

ALTER TABLE "notes" DISABLE ROW LEVEL SECURITY;

ALTER TABLE "accounts" DISABLE ROW LEVEL SECURITY;
ALTER TABLE "accounts" NO FORCE ROW LEVEL SECURITY;

