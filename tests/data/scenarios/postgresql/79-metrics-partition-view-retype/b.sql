CREATE TABLE readings (
    sensor_id integer NOT NULL,
    taken_on date NOT NULL,
    value bigint NOT NULL
) PARTITION BY RANGE (taken_on);
CREATE TABLE readings_2024 PARTITION OF readings
    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') PARTITION BY LIST (sensor_id);
CREATE TABLE readings_2024_s1 PARTITION OF readings_2024 FOR VALUES IN (1);
CREATE TABLE readings_2024_rest PARTITION OF readings_2024 DEFAULT;
CREATE VIEW sensor1_2024 AS SELECT taken_on, value FROM readings_2024_s1;
