-- +cdb upgrade
COMMENT ON TABLE "contacts" IS 'people and companies we talk to';

COMMENT ON COLUMN "contacts"."name" IS NULL;

COMMENT ON COLUMN "contacts"."email" IS 'primary address; may be null';

COMMENT ON VIEW "contact_names" IS 'for autocompletion';

COMMENT ON INDEX "ix_contacts_email" IS 'lookup by address';


-- +cdb downgrade
COMMENT ON INDEX "ix_contacts_email" IS NULL;

COMMENT ON VIEW "contact_names" IS NULL;

COMMENT ON COLUMN "contacts"."email" IS NULL;

COMMENT ON COLUMN "contacts"."name" IS 'full name';

COMMENT ON TABLE "contacts" IS 'people we talk to';

