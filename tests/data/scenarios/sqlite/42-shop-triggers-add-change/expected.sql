-- +cdb upgrade
DROP TRIGGER "orders_old";
DROP TRIGGER "orders_stamp";
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


-- +cdb downgrade
DROP TRIGGER "stock_guard";
DROP TRIGGER "orders_stamp";
CREATE TRIGGER orders_stamp AFTER INSERT ON orders
BEGIN
    UPDATE orders SET stamped = 'v1' WHERE id = NEW.id;
END;
CREATE TRIGGER orders_old AFTER DELETE ON orders
BEGIN
    UPDATE products SET stock = stock + OLD.qty WHERE id = OLD.product_id;
END;

