SELECT tableoid::regclass, sensor, taken_at, value FROM measurements ORDER BY sensor, taken_at;
