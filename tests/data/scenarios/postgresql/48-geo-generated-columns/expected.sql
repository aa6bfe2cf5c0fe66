-- +cdb upgrade
-- cdb: destructive: drops column 'public.plots.label' and its data
ALTER TABLE "plots" DROP COLUMN "label";

ALTER TABLE "plots" ADD COLUMN "area" numeric GENERATED ALWAYS AS ((w * h)) STORED;

ALTER TABLE "plots" DROP COLUMN "perimeter";
ALTER TABLE "plots" ADD COLUMN "perimeter" numeric GENERATED ALWAYS AS (((2)::numeric * (w + h))) STORED;


-- +cdb downgrade
ALTER TABLE "plots" DROP COLUMN "perimeter";
ALTER TABLE "plots" ADD COLUMN "perimeter" numeric GENERATED ALWAYS AS ((w + h)) STORED;

-- cdb: destructive: drops column 'public.plots.area' and its data
ALTER TABLE "plots" DROP COLUMN "area";

ALTER TABLE "plots" ADD COLUMN "label" text GENERATED ALWAYS AS (upper(name)) STORED;

