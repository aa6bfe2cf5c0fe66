CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    status TEXT,
    note TEXT,
    label TEXT
);
CREATE TABLE order_log (id INTEGER PRIMARY KEY, order_id INTEGER, line TEXT);
CREATE TRIGGER orders_label AFTER INSERT ON orders
BEGIN
    UPDATE orders SET label = CASE WHEN NEW.status = 'new' THEN 'fresh; not paid' ELSE 'END' END WHERE id = NEW.id;
END;
