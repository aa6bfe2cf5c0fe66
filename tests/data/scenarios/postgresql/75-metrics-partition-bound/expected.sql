-- +cdb upgrade
CREATE TABLE "events_2025h2" PARTITION OF "events" FOR VALUES FROM ('2025-07-01') TO ('2026-01-01');

ALTER TABLE "events" DETACH PARTITION "events_2024";
ALTER TABLE "events" ATTACH PARTITION "events_2024" FOR VALUES FROM ('2023-07-01') TO ('2025-07-01');


-- +cdb downgrade
ALTER TABLE "events" DETACH PARTITION "events_2024";
ALTER TABLE "events" ATTACH PARTITION "events_2024" FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

-- cdb: destructive: drops table 'public.events_2025h2' and its rows
DROP TABLE "events_2025h2";

