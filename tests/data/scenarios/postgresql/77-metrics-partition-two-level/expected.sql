-- +cdb upgrade
CREATE TABLE "measurements_2025" PARTITION OF "measurements" FOR VALUES FROM ('2025-01-01 00:00:00+00') TO ('2026-01-01 00:00:00+00') PARTITION BY LIST (sensor);

CREATE TABLE "measurements_2025_other" PARTITION OF "measurements_2025" DEFAULT;

CREATE TABLE "measurements_2025_roof" PARTITION OF "measurements_2025" (
    CONSTRAINT "measurements_2025_roof_value_check" CHECK (value > '-60'::integer::double precision)
) FOR VALUES IN ('roof-1', 'roof-2');

CREATE INDEX measurements_2025_roof_taken_idx ON public.measurements_2025_roof USING btree (taken_at DESC);


-- +cdb downgrade
DROP INDEX "measurements_2025_roof_taken_idx";

-- cdb: destructive: drops table 'public.measurements_2025_roof' and its rows
DROP TABLE "measurements_2025_roof";

-- cdb: destructive: drops table 'public.measurements_2025_other' and its rows
DROP TABLE "measurements_2025_other";

-- cdb: destructive: drops table 'public.measurements_2025' and its rows
DROP TABLE "measurements_2025";

