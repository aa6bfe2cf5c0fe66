-- +cdb upgrade
-- cdb: destructive: changes column 'products.price' from REAL to NUMERIC(10,2), which may truncate or fail to convert values
-- rebuild table 'products' (alter column 'products.name' (type); alter column 'products.price' (type); alter column 'products.stock' (type); alter column 'products.notes' (type))
CREATE TABLE "_cdb_new_products" (
    id INTEGER PRIMARY KEY,
    name VARCHAR(120) NOT NULL,
    price NUMERIC(10,2),
    stock BIGINT NOT NULL DEFAULT 0,
    notes CLOB
);
INSERT INTO "_cdb_new_products" ("id", "name", "price", "stock", "notes") SELECT "id", "name", "price", "stock", "notes" FROM "products";
DROP TABLE "products";
ALTER TABLE "_cdb_new_products" RENAME TO "products";
CREATE INDEX ix_products_stock ON products (stock);


-- +cdb downgrade
-- cdb: destructive: changes column 'products.price' from NUMERIC(10,2) to REAL, which may truncate or fail to convert values
-- rebuild table 'products' (alter column 'products.notes' (type); alter column 'products.stock' (type); alter column 'products.price' (type); alter column 'products.name' (type))
CREATE TABLE "_cdb_new_products" (
    id INTEGER PRIMARY KEY,
    name VARCHAR(40) NOT NULL,
    price REAL,
    stock INT NOT NULL DEFAULT 0,
    notes TEXT
);
INSERT INTO "_cdb_new_products" ("id", "name", "price", "stock", "notes") SELECT "id", "name", "price", "stock", "notes" FROM "products";
DROP TABLE "products";
ALTER TABLE "_cdb_new_products" RENAME TO "products";
CREATE INDEX ix_products_stock ON products (stock);

