-- +cdb upgrade
ALTER TABLE "a" DROP CONSTRAINT "k";

CREATE TABLE "b" (
    "id" integer NOT NULL,
    CONSTRAINT "k" PRIMARY KEY (id)
);

ALTER TABLE "a" ALTER COLUMN "id" DROP NOT NULL;


-- +cdb downgrade
ALTER TABLE "a" ALTER COLUMN "id" SET NOT NULL;

-- cdb: destructive: drops table 'public.b' and its rows
DROP TABLE "b";

ALTER TABLE "a" ADD CONSTRAINT "k" PRIMARY KEY (id);

