CREATE TABLE products (id INTEGER PRIMARY KEY, stock INTEGER NOT NULL DEFAULT 0);
CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    product_id INTEGER REFERENCES products (id),
    qty INTEGER NOT NULL,
    stamped TEXT
);
CREATE TRIGGER orders_stamp AFTER INSERT ON orders
BEGIN
    UPDATE orders SET stamped = 'v2:' || NEW.qty WHERE id = NEW.id;
    UPDATE products SET stock = stock - NEW.qty WHERE id = NEW.product_id;
END;
CREATE TRIGGER stock_guard BEFORE INSERT ON orders
WHEN NEW.qty <= 0
BEGIN
    SELECT RAISE(ABORT, 'qty must be positive');
END;
