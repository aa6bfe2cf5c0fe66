-- +cdb upgrade
DROP VIEW "product_ratings";

DROP VIEW "open_orders";

-- cdb: the new value cannot be used before this revision commits
ALTER TYPE "ticket_priority" ADD VALUE 'urgent';

CREATE SEQUENCE "order_number_seq" AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 10000 CACHE 1 NO CYCLE;

DROP INDEX "ix_payments_order";

DROP INDEX "ix_reviews_product";

DROP INDEX "ux_customers_email";

CREATE TABLE "analytics"."search_queries" (
    "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    "query" text NOT NULL,
    "results" integer DEFAULT 0 NOT NULL,
    "searched_at" timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT "search_queries_pkey" PRIMARY KEY (id)
);

CREATE SEQUENCE "product_bundles_id_seq" AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE;
CREATE TABLE "product_bundles" (
    "id" integer DEFAULT nextval('product_bundles_id_seq'::regclass) NOT NULL,
    "slug" character varying(120) NOT NULL,
    "name" text NOT NULL,
    "discount_pct" numeric(5,2) DEFAULT 0 NOT NULL,
    CONSTRAINT "product_bundles_pkey" PRIMARY KEY (id),
    CONSTRAINT "product_bundles_slug_key" UNIQUE (slug),
    CONSTRAINT "product_bundles_discount_pct_check" CHECK (discount_pct >= 0::numeric AND discount_pct <= 100::numeric)
);
ALTER SEQUENCE "product_bundles_id_seq" OWNED BY "product_bundles"."id";

CREATE TABLE "bundle_items" (
    "bundle_id" integer NOT NULL,
    "variant_id" integer NOT NULL,
    "qty" integer DEFAULT 1 NOT NULL,
    CONSTRAINT "bundle_items_pkey" PRIMARY KEY (bundle_id, variant_id),
    CONSTRAINT "bundle_items_qty_check" CHECK (qty > 0),
    CONSTRAINT "bundle_items_bundle_id_fkey" FOREIGN KEY (bundle_id) REFERENCES product_bundles(id) ON DELETE CASCADE,
    CONSTRAINT "bundle_items_variant_id_fkey" FOREIGN KEY (variant_id) REFERENCES product_variants(id) ON DELETE CASCADE
);

ALTER TABLE "customers" RENAME COLUMN "phone" TO "phone_number";

ALTER TABLE "customers" ADD COLUMN "deleted_at" timestamp with time zone;

ALTER TABLE "gift_cards" ADD CONSTRAINT "ck_gift_cards_code_len" CHECK (length(code::text) >= 8);

ALTER TABLE "order_lines" DROP CONSTRAINT "order_lines_variant_id_fkey";

ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_variant_id_fkey" FOREIGN KEY (variant_id) REFERENCES product_variants(id) ON DELETE RESTRICT;

ALTER TABLE "orders" ALTER COLUMN "number" SET DEFAULT ('S'::text || nextval('order_number_seq'::regclass));

ALTER TABLE "payments" ADD CONSTRAINT "payments_provider_id_provider_ref_key" UNIQUE (provider_id, provider_ref);

ALTER TABLE "product_variants" ALTER COLUMN "barcode" TYPE character varying(64) USING "barcode"::character varying;

-- cdb: destructive: drops column 'public.products.legacy_sku' and its data
ALTER TABLE "products" DROP COLUMN "legacy_sku";

ALTER TABLE "products" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;

-- cdb: destructive: changes column 'public.settings.value' from text to jsonb, which may truncate or fail to convert values
ALTER TABLE "settings" ALTER COLUMN "value" TYPE jsonb USING "value"::jsonb;

CREATE INDEX ix_search_queries_at ON analytics.search_queries USING btree (searched_at);

CREATE INDEX ix_payments_order ON public.payments USING btree (order_id) INCLUDE (status, amount);

CREATE INDEX ix_reviews_product_created ON public.reviews USING btree (product_id, created_at DESC);

CREATE UNIQUE INDEX ux_customers_email ON public.customers USING btree (lower((email)::text)) WHERE (deleted_at IS NULL);

-- cdb: destructive: drops table 'public.legacy_order_export' and its rows
DROP TABLE "legacy_order_export";

CREATE VIEW "open_orders" AS
SELECT o.id,
    o.number,
    o.status,
    c.email,
    o.placed_at
   FROM orders o
     LEFT JOIN customers c ON c.id = o.customer_id
  WHERE o.status = ANY (ARRAY['placed'::order_status, 'paid'::order_status]);

CREATE VIEW "product_ratings" AS
SELECT p.id AS product_id,
    p.name,
    avg(r.rating) AS rating,
    count(r.id) AS reviews
   FROM products p
     LEFT JOIN reviews r ON r.product_id = p.id
  GROUP BY p.id, p.name;

COMMENT ON TABLE "orders" IS 'one row per checkout, carts excluded';

COMMENT ON TABLE "product_bundles" IS 'products sold together at a discount';


-- +cdb downgrade
COMMENT ON TABLE "product_bundles" IS NULL;

COMMENT ON TABLE "orders" IS 'one row per checkout';

DROP VIEW "product_ratings";

DROP VIEW "open_orders";

CREATE TABLE "legacy_order_export" (
    "id" integer NOT NULL,
    "payload" text,
    "exported_at" timestamp with time zone,
    CONSTRAINT "legacy_order_export_pkey" PRIMARY KEY (id)
);

DROP INDEX "ux_customers_email";

DROP INDEX "ix_reviews_product_created";

DROP INDEX "ix_payments_order";

DROP INDEX "analytics"."ix_search_queries_at";

-- cdb: destructive: changes column 'public.settings.value' from jsonb to text, which may truncate or fail to convert values
ALTER TABLE "settings" ALTER COLUMN "value" TYPE text USING "value"::text;

-- cdb: destructive: drops column 'public.products.tags' and its data
ALTER TABLE "products" DROP COLUMN "tags";

ALTER TABLE "products" ADD COLUMN "legacy_sku" character varying(40);

-- cdb: destructive: changes column 'public.product_variants.barcode' from character varying(64) to character varying(32), which may truncate or fail to convert values
ALTER TABLE "product_variants" ALTER COLUMN "barcode" TYPE character varying(32) USING "barcode"::character varying;

ALTER TABLE "payments" DROP CONSTRAINT "payments_provider_id_provider_ref_key";

ALTER TABLE "orders" ALTER COLUMN "number" DROP DEFAULT;

ALTER TABLE "order_lines" DROP CONSTRAINT "order_lines_variant_id_fkey";

ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_variant_id_fkey" FOREIGN KEY (variant_id) REFERENCES product_variants(id);

ALTER TABLE "gift_cards" DROP CONSTRAINT "ck_gift_cards_code_len";

-- cdb: destructive: drops column 'public.customers.deleted_at' and its data
ALTER TABLE "customers" DROP COLUMN "deleted_at";

ALTER TABLE "customers" RENAME COLUMN "phone_number" TO "phone";

-- cdb: destructive: drops table 'public.bundle_items' and its rows
DROP TABLE "bundle_items";

-- cdb: destructive: drops table 'public.product_bundles' and its rows
DROP TABLE "product_bundles";

-- cdb: destructive: drops table 'analytics.search_queries' and its rows
DROP TABLE "analytics"."search_queries";

CREATE UNIQUE INDEX ux_customers_email ON public.customers USING btree (lower((email)::text));

CREATE INDEX ix_reviews_product ON public.reviews USING btree (product_id);

CREATE INDEX ix_payments_order ON public.payments USING btree (order_id);

DROP SEQUENCE "order_number_seq";

-- cdb: destructive: removes label 'urgent' from type 'ticket_priority'; rows that hold it fail to convert
ALTER TYPE "ticket_priority" RENAME TO "ticket_priority__cdb_old";
CREATE TYPE "ticket_priority" AS ENUM ('low', 'normal', 'high');
ALTER TABLE "support_tickets" ALTER COLUMN "priority" DROP DEFAULT;
ALTER TABLE "support_tickets" ALTER COLUMN "priority" TYPE ticket_priority USING "priority"::text::ticket_priority;
ALTER TABLE "support_tickets" ALTER COLUMN "priority" SET DEFAULT 'normal'::ticket_priority;
DROP TYPE "ticket_priority__cdb_old";

CREATE VIEW "open_orders" AS
SELECT o.id,
    o.number,
    o.status,
    c.email
   FROM orders o
     LEFT JOIN customers c ON c.id = o.customer_id
  WHERE o.status = ANY (ARRAY['placed'::order_status, 'paid'::order_status]);

CREATE VIEW "product_ratings" AS
SELECT p.id AS product_id,
    p.name,
    avg(r.rating) AS rating,
    count(r.id) AS reviews
   FROM products p
     LEFT JOIN reviews r ON r.product_id = p.id
  GROUP BY p.id, p.name;

