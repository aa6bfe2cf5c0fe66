SELECT id, room, slot, starts, ends, who FROM bookings ORDER BY id;
