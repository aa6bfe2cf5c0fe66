-- +cdb upgrade
CREATE TABLE "events_2025" PARTITION OF "events" FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');


-- +cdb downgrade
-- cdb: destructive: drops table 'public.events_2025' and its rows
DROP TABLE "events_2025";

