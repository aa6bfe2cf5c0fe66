CREATE TABLE measurements (
    sensor text NOT NULL,
    taken_at timestamptz NOT NULL,
    value double precision NOT NULL,
    PRIMARY KEY (sensor, taken_at)
) PARTITION BY RANGE (taken_at);
CREATE TABLE measurements_2024 PARTITION OF measurements
    FOR VALUES FROM ('2024-01-01 00:00+00') TO ('2025-01-01 00:00+00');
CREATE TABLE measurements_2025 PARTITION OF measurements
    FOR VALUES FROM ('2025-01-01 00:00+00') TO ('2026-01-01 00:00+00')
    PARTITION BY LIST (sensor);
CREATE TABLE measurements_2025_roof PARTITION OF measurements_2025
    (CONSTRAINT measurements_2025_roof_value_check CHECK (value > -60))
    FOR VALUES IN ('roof-1', 'roof-2');
CREATE TABLE measurements_2025_other PARTITION OF measurements_2025 DEFAULT;
CREATE INDEX measurements_value_idx ON measurements (value);
CREATE INDEX measurements_2025_roof_taken_idx ON measurements_2025_roof (taken_at DESC);
