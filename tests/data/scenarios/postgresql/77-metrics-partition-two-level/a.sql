CREATE TABLE measurements (
    sensor text NOT NULL,
    taken_at timestamptz NOT NULL,
    value double precision NOT NULL,
    PRIMARY KEY (sensor, taken_at)
) PARTITION BY RANGE (taken_at);
CREATE TABLE measurements_2024 PARTITION OF measurements
    FOR VALUES FROM ('2024-01-01 00:00+00') TO ('2025-01-01 00:00+00');
CREATE INDEX measurements_value_idx ON measurements (value);
