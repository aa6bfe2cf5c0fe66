INSERT INTO rooms VALUES (1, 'blue'), (2, 'red');
INSERT INTO bookings VALUES
    (1, 1, '[2026-01-01 10:00+00, 2026-01-01 11:00+00)', false),
    (2, 1, '[2026-01-01 10:30+00, 2026-01-01 12:00+00)', true),
    (3, 2, '[2026-01-01 10:30+00, 2026-01-01 12:00+00)', false);
INSERT INTO zones VALUES (1, '<(0,0),1>'), (2, '<(5,5),1>');
INSERT INTO holds VALUES (1, '[1,5)'), (2, '[5,9)');
