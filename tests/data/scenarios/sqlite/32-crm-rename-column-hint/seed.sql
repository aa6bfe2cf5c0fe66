INSERT INTO customers VALUES (1, 'Ann Lee', 'ann@x.org'), (2, 'Bob Roe', NULL);
