CREATE TABLE stock_items (
    id integer PRIMARY KEY,
    label varchar(40) NOT NULL,
    qty integer NOT NULL CHECK (qty >= 0)
);
CREATE INDEX ix_items_label ON stock_items (label);
COMMENT ON TABLE stock_items IS 'what the shop keeps';
CREATE VIEW stock_levels AS SELECT id, label, qty FROM stock_items;
