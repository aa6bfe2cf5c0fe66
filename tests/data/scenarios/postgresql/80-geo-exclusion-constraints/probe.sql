SELECT id, room_id, during, cancelled FROM bookings ORDER BY id;
SELECT id, area FROM zones ORDER BY id;
SELECT id, span FROM holds ORDER BY id;
