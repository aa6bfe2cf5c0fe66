CREATE TABLE products (id INTEGER PRIMARY KEY, stock INTEGER NOT NULL DEFAULT 0);
CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    product_id INTEGER REFERENCES products (id),
    qty INTEGER NOT NULL,
    stamped TEXT
);
CREATE TRIGGER orders_stamp AFTER INSERT ON orders
BEGIN
    UPDATE orders SET stamped = 'v1' WHERE id = NEW.id;
END;
CREATE TRIGGER orders_old AFTER DELETE ON orders
BEGIN
    UPDATE products SET stock = stock + OLD.qty WHERE id = OLD.product_id;
END;
