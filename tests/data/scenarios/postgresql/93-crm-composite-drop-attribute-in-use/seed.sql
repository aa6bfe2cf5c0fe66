INSERT INTO contacts VALUES
    (1, 'Ann', ROW('1 Main St', 'Oslo', NULL)),
    (2, 'Bob', ROW('9 High St', 'Leeds', NULL)),
    (3, 'Cy', NULL);
