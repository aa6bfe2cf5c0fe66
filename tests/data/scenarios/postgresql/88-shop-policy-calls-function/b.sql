CREATE FUNCTION shop_can_see(owner text) RETURNS boolean
    LANGUAGE sql STABLE AS $$ SELECT owner = current_user OR owner = 'everyone' $$;
CREATE TABLE items (
    id integer PRIMARY KEY,
    sku varchar(40) NOT NULL,
    state text NOT NULL DEFAULT 'shown'
);
ALTER TABLE items ENABLE ROW LEVEL SECURITY;
CREATE POLICY items_sku ON items USING (length(sku) > 2);
CREATE POLICY items_state ON items FOR SELECT USING (state <> 'hidden');
CREATE TABLE baskets (
    id integer PRIMARY KEY,
    owner text NOT NULL,
    item_id integer REFERENCES items (id)
);
ALTER TABLE baskets ENABLE ROW LEVEL SECURITY;
CREATE POLICY baskets_owner ON baskets USING (shop_can_see(owner)) WITH CHECK (shop_can_see(owner));
