-- An online shop: catalogue, customers, orders, payments, fulfilment,
-- marketing and support.
CREATE SCHEMA analytics;

CREATE TYPE order_status AS ENUM ('cart', 'placed', 'paid', 'shipped', 'delivered', 'cancelled');
CREATE TYPE payment_status AS ENUM ('pending', 'authorized', 'captured', 'failed', 'refunded');
CREATE TYPE address_kind AS ENUM ('billing', 'shipping');
CREATE TYPE ticket_priority AS ENUM ('low', 'normal', 'high');

CREATE TABLE currencies (
    code char(3) PRIMARY KEY,
    name text NOT NULL,
    minor_units smallint NOT NULL DEFAULT 2
);
CREATE TABLE countries (
    code char(2) PRIMARY KEY,
    name text NOT NULL,
    currency_code char(3) REFERENCES currencies (code)
);
CREATE TABLE tax_rates (
    id serial PRIMARY KEY,
    country_code char(2) NOT NULL REFERENCES countries (code),
    name text NOT NULL,
    rate numeric(5,4) NOT NULL CHECK (rate >= 0 AND rate < 1),
    UNIQUE (country_code, name)
);
CREATE TABLE warehouses (
    id serial PRIMARY KEY,
    code varchar(16) NOT NULL UNIQUE,
    country_code char(2) NOT NULL REFERENCES countries (code),
    city text NOT NULL
);
CREATE TABLE brands (
    id serial PRIMARY KEY,
    name text NOT NULL UNIQUE,
    website text
);
CREATE TABLE categories (
    id serial PRIMARY KEY,
    parent_id integer REFERENCES categories (id) ON DELETE CASCADE,
    slug varchar(80) NOT NULL UNIQUE,
    name text NOT NULL,
    position integer NOT NULL DEFAULT 0
);
CREATE TABLE products (
    id serial PRIMARY KEY,
    brand_id integer REFERENCES brands (id) ON DELETE SET NULL,
    slug varchar(120) NOT NULL UNIQUE,
    name varchar(200) NOT NULL,
    description text,
    legacy_sku varchar(40),
    active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_products_name ON products (lower(name));
CREATE TABLE product_categories (
    product_id integer NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    category_id integer NOT NULL REFERENCES categories (id) ON DELETE CASCADE,
    PRIMARY KEY (product_id, category_id)
);
CREATE TABLE product_variants (
    id serial PRIMARY KEY,
    product_id integer NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    sku varchar(40) NOT NULL UNIQUE,
    title text NOT NULL,
    weight_grams integer CHECK (weight_grams >= 0),
    barcode varchar(32)
);
CREATE INDEX ix_variants_product ON product_variants (product_id);
CREATE TABLE variant_options (
    variant_id integer NOT NULL REFERENCES product_variants (id) ON DELETE CASCADE,
    name text NOT NULL,
    value text NOT NULL,
    PRIMARY KEY (variant_id, name)
);
CREATE TABLE prices (
    id serial PRIMARY KEY,
    variant_id integer NOT NULL REFERENCES product_variants (id) ON DELETE CASCADE,
    currency_code char(3) NOT NULL REFERENCES currencies (code),
    amount numeric(12,2) NOT NULL CHECK (amount >= 0),
    valid_from date NOT NULL DEFAULT CURRENT_DATE,
    UNIQUE (variant_id, currency_code, valid_from)
);
CREATE TABLE product_images (
    id serial PRIMARY KEY,
    product_id integer NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    url text NOT NULL,
    alt text,
    position integer NOT NULL DEFAULT 0
);
CREATE TABLE inventory_levels (
    variant_id integer NOT NULL REFERENCES product_variants (id) ON DELETE CASCADE,
    warehouse_id integer NOT NULL REFERENCES warehouses (id),
    on_hand integer NOT NULL DEFAULT 0,
    reserved integer NOT NULL DEFAULT 0,
    PRIMARY KEY (variant_id, warehouse_id),
    CHECK (reserved <= on_hand)
);
CREATE TABLE stock_movements (
    id bigserial PRIMARY KEY,
    variant_id integer NOT NULL REFERENCES product_variants (id),
    warehouse_id integer NOT NULL REFERENCES warehouses (id),
    delta integer NOT NULL,
    reason text NOT NULL,
    moved_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_stock_movements_variant ON stock_movements (variant_id, moved_at DESC);
CREATE TABLE suppliers (
    id serial PRIMARY KEY,
    name text NOT NULL,
    email text,
    country_code char(2) REFERENCES countries (code)
);
CREATE TABLE purchase_orders (
    id serial PRIMARY KEY,
    supplier_id integer NOT NULL REFERENCES suppliers (id),
    warehouse_id integer NOT NULL REFERENCES warehouses (id),
    ordered_on date NOT NULL,
    received_on date
);
CREATE TABLE purchase_order_lines (
    purchase_order_id integer NOT NULL REFERENCES purchase_orders (id) ON DELETE CASCADE,
    line_no integer NOT NULL,
    variant_id integer NOT NULL REFERENCES product_variants (id),
    qty integer NOT NULL CHECK (qty > 0),
    unit_cost numeric(12,2) NOT NULL,
    PRIMARY KEY (purchase_order_id, line_no)
);
CREATE TABLE customers (
    id serial PRIMARY KEY,
    email varchar(254) NOT NULL,
    first_name text,
    last_name text,
    phone varchar(32),
    marketing_opt_in boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ux_customers_email ON customers (lower(email));
CREATE TABLE customer_addresses (
    id serial PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    kind address_kind NOT NULL,
    line1 text NOT NULL,
    line2 text,
    city text NOT NULL,
    postcode varchar(16),
    country_code char(2) NOT NULL REFERENCES countries (code)
);
CREATE TABLE customer_groups (
    id serial PRIMARY KEY,
    name text NOT NULL UNIQUE,
    discount_pct numeric(5,2) NOT NULL DEFAULT 0
);
CREATE TABLE customer_group_members (
    group_id integer NOT NULL REFERENCES customer_groups (id) ON DELETE CASCADE,
    customer_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, customer_id)
);
CREATE TABLE wishlists (
    id serial PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    name text NOT NULL DEFAULT 'default'
);
CREATE TABLE wishlist_items (
    wishlist_id integer NOT NULL REFERENCES wishlists (id) ON DELETE CASCADE,
    variant_id integer NOT NULL REFERENCES product_variants (id) ON DELETE CASCADE,
    added_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (wishlist_id, variant_id)
);
CREATE TABLE carts (
    id uuid PRIMARY KEY,
    customer_id integer REFERENCES customers (id) ON DELETE SET NULL,
    currency_code char(3) NOT NULL REFERENCES currencies (code),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE cart_items (
    cart_id uuid NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    variant_id integer NOT NULL REFERENCES product_variants (id),
    qty integer NOT NULL CHECK (qty > 0),
    PRIMARY KEY (cart_id, variant_id)
);
CREATE TABLE coupons (
    id serial PRIMARY KEY,
    code varchar(32) NOT NULL UNIQUE,
    percent_off numeric(5,2),
    amount_off numeric(12,2),
    expires_at timestamptz,
    CHECK (percent_off IS NOT NULL OR amount_off IS NOT NULL)
);
CREATE TABLE orders (
    id serial PRIMARY KEY,
    number varchar(20) NOT NULL UNIQUE,
    customer_id integer REFERENCES customers (id) ON DELETE SET NULL,
    status order_status NOT NULL DEFAULT 'placed',
    currency_code char(3) NOT NULL REFERENCES currencies (code),
    subtotal numeric(12,2) NOT NULL DEFAULT 0,
    tax_total numeric(12,2) NOT NULL DEFAULT 0,
    shipping_total numeric(12,2) NOT NULL DEFAULT 0,
    coupon_id integer REFERENCES coupons (id),
    placed_at timestamptz,
    note text
);
CREATE INDEX ix_orders_customer ON orders (customer_id);
CREATE INDEX ix_orders_status ON orders (status) WHERE status NOT IN ('delivered', 'cancelled');
CREATE TABLE order_lines (
    order_id integer NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no integer NOT NULL,
    variant_id integer NOT NULL REFERENCES product_variants (id),
    qty integer NOT NULL CHECK (qty > 0),
    unit_price numeric(12,2) NOT NULL,
    tax_rate_id integer REFERENCES tax_rates (id),
    PRIMARY KEY (order_id, line_no)
);
CREATE TABLE order_addresses (
    order_id integer NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    kind address_kind NOT NULL,
    line1 text NOT NULL,
    city text NOT NULL,
    postcode varchar(16),
    country_code char(2) NOT NULL REFERENCES countries (code),
    PRIMARY KEY (order_id, kind)
);
CREATE TABLE order_events (
    id bigserial PRIMARY KEY,
    order_id integer NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    status order_status NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE payment_providers (
    id serial PRIMARY KEY,
    name text NOT NULL UNIQUE,
    enabled boolean NOT NULL DEFAULT true
);
CREATE TABLE payments (
    id serial PRIMARY KEY,
    order_id integer NOT NULL REFERENCES orders (id),
    provider_id integer NOT NULL REFERENCES payment_providers (id),
    status payment_status NOT NULL DEFAULT 'pending',
    amount numeric(12,2) NOT NULL,
    provider_ref text,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_payments_order ON payments (order_id);
CREATE TABLE refunds (
    id serial PRIMARY KEY,
    payment_id integer NOT NULL REFERENCES payments (id),
    amount numeric(12,2) NOT NULL CHECK (amount > 0),
    reason text,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE invoices (
    id serial PRIMARY KEY,
    order_id integer NOT NULL UNIQUE REFERENCES orders (id),
    number varchar(20) NOT NULL UNIQUE,
    issued_on date NOT NULL,
    pdf_url text
);
CREATE TABLE carriers (
    id serial PRIMARY KEY,
    name text NOT NULL UNIQUE,
    tracking_url_template text
);
CREATE TABLE shipping_methods (
    id serial PRIMARY KEY,
    carrier_id integer NOT NULL REFERENCES carriers (id),
    name text NOT NULL,
    price numeric(12,2) NOT NULL DEFAULT 0
);
CREATE TABLE shipments (
    id serial PRIMARY KEY,
    order_id integer NOT NULL REFERENCES orders (id),
    method_id integer REFERENCES shipping_methods (id),
    warehouse_id integer NOT NULL REFERENCES warehouses (id),
    tracking_no varchar(64),
    shipped_at timestamptz
);
CREATE TABLE shipment_lines (
    shipment_id integer NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
    order_id integer NOT NULL,
    line_no integer NOT NULL,
    qty integer NOT NULL,
    PRIMARY KEY (shipment_id, order_id, line_no),
    FOREIGN KEY (order_id, line_no) REFERENCES order_lines (order_id, line_no)
);
CREATE TABLE returns (
    id serial PRIMARY KEY,
    order_id integer NOT NULL REFERENCES orders (id),
    requested_at timestamptz NOT NULL DEFAULT now(),
    reason text NOT NULL,
    approved boolean
);
CREATE TABLE return_lines (
    return_id integer NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
    order_id integer NOT NULL,
    line_no integer NOT NULL,
    qty integer NOT NULL CHECK (qty > 0),
    PRIMARY KEY (return_id, line_no),
    FOREIGN KEY (order_id, line_no) REFERENCES order_lines (order_id, line_no)
);
CREATE TABLE reviews (
    id serial PRIMARY KEY,
    product_id integer NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    customer_id integer REFERENCES customers (id) ON DELETE SET NULL,
    rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    title text,
    body text,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_reviews_product ON reviews (product_id);
CREATE TABLE review_votes (
    review_id integer NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    customer_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    helpful boolean NOT NULL,
    PRIMARY KEY (review_id, customer_id)
);
CREATE TABLE newsletters (
    id serial PRIMARY KEY,
    subject text NOT NULL,
    sent_at timestamptz
);
CREATE TABLE newsletter_recipients (
    newsletter_id integer NOT NULL REFERENCES newsletters (id) ON DELETE CASCADE,
    customer_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    opened_at timestamptz,
    PRIMARY KEY (newsletter_id, customer_id)
);
CREATE TABLE staff (
    id serial PRIMARY KEY,
    email text NOT NULL UNIQUE,
    name text NOT NULL,
    role text NOT NULL DEFAULT 'agent'
);
CREATE TABLE support_tickets (
    id serial PRIMARY KEY,
    customer_id integer REFERENCES customers (id) ON DELETE SET NULL,
    order_id integer REFERENCES orders (id) ON DELETE SET NULL,
    assignee_id integer REFERENCES staff (id),
    priority ticket_priority NOT NULL DEFAULT 'normal',
    subject text NOT NULL,
    opened_at timestamptz NOT NULL DEFAULT now(),
    closed_at timestamptz
);
CREATE TABLE ticket_messages (
    id serial PRIMARY KEY,
    ticket_id integer NOT NULL REFERENCES support_tickets (id) ON DELETE CASCADE,
    staff_id integer REFERENCES staff (id),
    body text NOT NULL,
    sent_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE gift_cards (
    id serial PRIMARY KEY,
    code varchar(24) NOT NULL UNIQUE,
    currency_code char(3) NOT NULL REFERENCES currencies (code),
    balance numeric(12,2) NOT NULL CHECK (balance >= 0),
    expires_on date
);
CREATE TABLE loyalty_accounts (
    customer_id integer PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
    points integer NOT NULL DEFAULT 0 CHECK (points >= 0),
    tier text NOT NULL DEFAULT 'bronze'
);
CREATE TABLE loyalty_transactions (
    id bigserial PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES loyalty_accounts (customer_id) ON DELETE CASCADE,
    order_id integer REFERENCES orders (id),
    points integer NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE settings (
    key varchar(64) PRIMARY KEY,
    value text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE admin_audit (
    id bigserial PRIMARY KEY,
    staff_id integer REFERENCES staff (id),
    action text NOT NULL,
    detail jsonb,
    at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE legacy_order_export (
    id integer PRIMARY KEY,
    payload text,
    exported_at timestamptz
);
CREATE TABLE analytics.page_views (
    id bigserial PRIMARY KEY,
    customer_id integer REFERENCES customers (id) ON DELETE SET NULL,
    path text NOT NULL,
    viewed_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION order_total(o orders) RETURNS numeric
    LANGUAGE sql STABLE
    AS $$ SELECT o.subtotal + o.tax_total + o.shipping_total $$;
CREATE FUNCTION log_order_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status THEN
        INSERT INTO order_events (order_id, status) VALUES (NEW.id, NEW.status);
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER orders_status_log AFTER INSERT OR UPDATE OF status ON orders
    FOR EACH ROW EXECUTE FUNCTION log_order_status();

CREATE VIEW open_orders AS
    SELECT o.id, o.number, o.status, c.email
    FROM orders o LEFT JOIN customers c ON c.id = o.customer_id
    WHERE o.status IN ('placed', 'paid');
CREATE VIEW product_ratings AS
    SELECT p.id AS product_id, p.name, avg(r.rating) AS rating, count(r.id) AS reviews
    FROM products p LEFT JOIN reviews r ON r.product_id = p.id
    GROUP BY p.id, p.name;
CREATE MATERIALIZED VIEW analytics.daily_revenue AS
    SELECT date_trunc('day', placed_at) AS day, currency_code, sum(subtotal) AS revenue
    FROM orders WHERE status NOT IN ('cart', 'cancelled')
    GROUP BY 1, 2;
COMMENT ON TABLE orders IS 'one row per checkout';
COMMENT ON COLUMN orders.number IS 'customer-facing order number';
