-- cdb: rename table stock_items to inventory
CREATE TABLE inventory (
    id integer PRIMARY KEY,
    label varchar(80) NOT NULL,
    qty integer NOT NULL DEFAULT 0 CHECK (qty >= 0 AND qty < 100000),
    bin text,
    UNIQUE (label, bin)
);
CREATE INDEX ix_items_label ON inventory (lower(label));
COMMENT ON TABLE inventory IS 'what the shop keeps, by bin';
COMMENT ON COLUMN inventory.bin IS 'shelf code';
CREATE VIEW stock_levels AS SELECT id, label, qty FROM inventory;
