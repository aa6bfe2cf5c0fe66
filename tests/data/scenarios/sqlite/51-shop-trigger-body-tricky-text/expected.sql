-- +cdb upgrade
DROP TRIGGER "orders_label";
-- rebuild table 'orders' (alter column 'orders.status' (nullable))
CREATE TABLE "_cdb_new_orders" (
    id INTEGER PRIMARY KEY,
    status TEXT NOT NULL,
    note TEXT,
    label TEXT
);
INSERT INTO "_cdb_new_orders" ("id", "status", "note", "label") SELECT "id", "status", "note", "label" FROM "orders";
DROP TABLE "orders";
ALTER TABLE "_cdb_new_orders" RENAME TO "orders";
CREATE TRIGGER orders_label AFTER INSERT ON orders
BEGIN
    -- label says what to do next; END inside a string is not the end
    UPDATE orders SET label = CASE NEW.status WHEN 'new' THEN 'fresh; not paid' WHEN 'paid' THEN 'it''s paid; ship it' ELSE 'END' END WHERE id = NEW.id;
END;
CREATE TRIGGER orders_note AFTER UPDATE OF note ON orders
WHEN NEW.note LIKE '%;%'
BEGIN
    INSERT INTO order_log (order_id, line) VALUES (NEW.id, 'note with ";" changed: ' || NEW.note);
    SELECT CASE WHEN NEW.note = 'BEGIN; END;' THEN RAISE(ABORT, 'no SQL in notes; please') END;
END;


-- +cdb downgrade
DROP TRIGGER "orders_note";
DROP TRIGGER "orders_label";
-- rebuild table 'orders' (alter column 'orders.status' (nullable))
CREATE TABLE "_cdb_new_orders" (
    id INTEGER PRIMARY KEY,
    status TEXT,
    note TEXT,
    label TEXT
);
INSERT INTO "_cdb_new_orders" ("id", "status", "note", "label") SELECT "id", "status", "note", "label" FROM "orders";
DROP TABLE "orders";
ALTER TABLE "_cdb_new_orders" RENAME TO "orders";
CREATE TRIGGER orders_label AFTER INSERT ON orders
BEGIN
    UPDATE orders SET label = CASE WHEN NEW.status = 'new' THEN 'fresh; not paid' ELSE 'END' END WHERE id = NEW.id;
END;

