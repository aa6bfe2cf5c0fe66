CREATE DOMAIN sku AS integer
    CONSTRAINT sku_positive CHECK (VALUE > 0);
CREATE DOMAIN stocked_sku AS sku
    CONSTRAINT stocked_sku_small CHECK (VALUE < 1000000);
CREATE TABLE items (
    id integer PRIMARY KEY,
    code stocked_sku NOT NULL,
    alt sku,
    tags stocked_sku[]
);
CREATE INDEX ix_items_code ON items (code);
