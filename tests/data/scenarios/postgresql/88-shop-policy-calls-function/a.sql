CREATE FUNCTION legacy_visible(s text) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS $$ SELECT s <> 'hidden' $$;
CREATE TABLE items (
    id integer PRIMARY KEY,
    sku varchar(20) NOT NULL,
    state text NOT NULL DEFAULT 'shown'
);
ALTER TABLE items ENABLE ROW LEVEL SECURITY;
CREATE POLICY items_sku ON items USING (length(sku) > 2);
CREATE POLICY items_state ON items FOR SELECT USING (legacy_visible(state));
