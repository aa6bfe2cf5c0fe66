-- +cdb upgrade
ALTER DOMAIN "email_address" SET NOT NULL;
ALTER DOMAIN "email_address" DROP CONSTRAINT "email_address_check";
ALTER DOMAIN "email_address" ADD CONSTRAINT "email_address_no_spaces" CHECK ((VALUE ~ '^[^@ ]+@[^@ ]+$'::text));

DROP DOMAIN "nickname";

CREATE DOMAIN "nickname" AS character varying(40) COLLATE "C";

ALTER DOMAIN "score" SET DEFAULT 10;
ALTER DOMAIN "score" ADD CONSTRAINT "score_check1" CHECK ((VALUE <= 1000000));

COMMENT ON DOMAIN "score" IS 'loyalty points, never negative';


-- +cdb downgrade
COMMENT ON DOMAIN "score" IS NULL;

ALTER DOMAIN "score" SET DEFAULT 0;
ALTER DOMAIN "score" DROP CONSTRAINT "score_check1";

DROP DOMAIN "nickname";

CREATE DOMAIN "nickname" AS character varying(20);

ALTER DOMAIN "email_address" DROP NOT NULL;
ALTER DOMAIN "email_address" DROP CONSTRAINT "email_address_no_spaces";
ALTER DOMAIN "email_address" ADD CONSTRAINT "email_address_check" CHECK ((VALUE ~ '^[^@]+@[^@]+$'::text));

