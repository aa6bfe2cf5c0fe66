SELECT tableoid::regclass, id, happened_on, kind FROM events ORDER BY id;
