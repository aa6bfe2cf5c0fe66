SELECT tableoid::regclass, sensor_id, taken_on, value FROM readings ORDER BY sensor_id, taken_on;
SELECT taken_on, value FROM sensor1_2024 ORDER BY taken_on;
