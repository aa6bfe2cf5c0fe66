-- +cdb upgrade
-- rebuild table 'products' (alter column 'products.name' (nullable); alter column 'products.sku' (nullable))
CREATE TABLE "_cdb_new_products" (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    sku TEXT NOT NULL,
    price NUMERIC
);
INSERT INTO "_cdb_new_products" ("id", "name", "sku", "price") SELECT "id", "name", "sku", "price" FROM "products";
DROP TABLE "products";
ALTER TABLE "_cdb_new_products" RENAME TO "products";
CREATE INDEX ix_products_sku ON products (sku);


-- +cdb downgrade
-- rebuild table 'products' (alter column 'products.sku' (nullable); alter column 'products.name' (nullable))
CREATE TABLE "_cdb_new_products" (
    id INTEGER PRIMARY KEY,
    name TEXT,
    sku TEXT,
    price NUMERIC
);
INSERT INTO "_cdb_new_products" ("id", "name", "sku", "price") SELECT "id", "name", "sku", "price" FROM "products";
DROP TABLE "products";
ALTER TABLE "_cdb_new_products" RENAME TO "products";
CREATE INDEX ix_products_sku ON products (sku);

