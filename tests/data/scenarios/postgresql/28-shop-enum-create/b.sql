CREATE TYPE payment_method AS ENUM ('card', 'transfer', 'cash');
CREATE TYPE shipment_status AS ENUM ('pending', 'shipped', 'delivered');
CREATE TABLE orders (
    id integer PRIMARY KEY,
    total numeric(10,2) NOT NULL,
    paid_with payment_method NOT NULL DEFAULT 'card'
);
CREATE TABLE shipments (
    id integer PRIMARY KEY,
    order_id integer NOT NULL REFERENCES orders (id),
    status shipment_status NOT NULL DEFAULT 'pending'
);
CREATE INDEX ix_shipments_pending ON shipments (order_id) WHERE status = 'pending';
