-- +cdb upgrade
ALTER SEQUENCE "s" OWNED BY "a"."x";

ALTER SEQUENCE "t_id_seq" AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;

ALTER TABLE "t" ALTER COLUMN "id" DROP DEFAULT;
ALTER TABLE "t" ALTER COLUMN "id" TYPE bigint USING "id"::bigint;
ALTER TABLE "t" ALTER COLUMN "id" SET DEFAULT nextval('t_id_seq'::regclass);


-- +cdb downgrade
-- cdb: destructive: changes column 'public.t.id' from bigint to integer, which may truncate or fail to convert values
ALTER TABLE "t" ALTER COLUMN "id" DROP DEFAULT;
ALTER TABLE "t" ALTER COLUMN "id" TYPE integer USING "id"::integer;
ALTER TABLE "t" ALTER COLUMN "id" SET DEFAULT nextval('t_id_seq'::regclass);

ALTER SEQUENCE "t_id_seq" AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE;

ALTER SEQUENCE "s" OWNED BY "a"."id";

