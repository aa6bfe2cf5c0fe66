-- +cdb upgrade
-- cdb: destructive: drops table 'public.events_2023' and its rows
DROP TABLE "events_2023";


-- +cdb downgrade
CREATE TABLE "events_2023" PARTITION OF "events" FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');

