CREATE TABLE events (
    id bigint NOT NULL,
    happened_on date NOT NULL,
    kind text NOT NULL CHECK (kind <> ''),
    PRIMARY KEY (id, happened_on)
) PARTITION BY RANGE (happened_on);
CREATE TABLE events_2024 PARTITION OF events
    FOR VALUES FROM ('2023-07-01') TO ('2025-07-01');
CREATE TABLE events_2025h2 PARTITION OF events
    FOR VALUES FROM ('2025-07-01') TO ('2026-01-01');
CREATE TABLE events_rest PARTITION OF events DEFAULT;
CREATE INDEX events_kind_idx ON events (kind);
