-- +cdb upgrade
-- rebuild table 'codes' (drop check constraint 'ck ,label' (label <> '--' AND label <> ')(') on 'codes'; add check constraint 'ck "code", format' (code GLOB '[A-Z]*' OR code = 'it''s (ok), really') on 'codes')
CREATE TABLE "_cdb_new_codes" (
    id INTEGER PRIMARY KEY,   -- the key, (not a constraint)
    code TEXT NOT NULL CHECK (code NOT LIKE '%,)%'),
    /* a block comment, with a CHECK (x) inside */
    label TEXT DEFAULT 'a,b)c',
    CONSTRAINT "ck ""code"", format" CHECK (code GLOB '[A-Z]*' OR code = 'it''s (ok), really')
);
INSERT INTO "_cdb_new_codes" ("id", "code", "label") SELECT "id", "code", "label" FROM "codes";
DROP TABLE "codes";
ALTER TABLE "_cdb_new_codes" RENAME TO "codes";


-- +cdb downgrade
-- rebuild table 'codes' (drop check constraint 'ck "code", format' (code GLOB '[A-Z]*' OR code = 'it''s (ok), really') on 'codes'; add check constraint 'ck ,label' (label <> '--' AND label <> ')(') on 'codes')
CREATE TABLE "_cdb_new_codes" (
    id INTEGER PRIMARY KEY,   -- the key, (not a constraint)
    code TEXT NOT NULL CHECK (code NOT LIKE '%,)%'),
    /* a block comment, with a CHECK (x) inside */
    label TEXT DEFAULT 'a,b)c',
    CONSTRAINT "ck ,label" CHECK (label <> '--' AND label <> ')(')
);
INSERT INTO "_cdb_new_codes" ("id", "code", "label") SELECT "id", "code", "label" FROM "codes";
DROP TABLE "codes";
ALTER TABLE "_cdb_new_codes" RENAME TO "codes";

