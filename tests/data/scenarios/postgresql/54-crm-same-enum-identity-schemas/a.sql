CREATE SCHEMA crm;
CREATE TYPE crm.stage AS ENUM ('lead', 'won', 'lost');
CREATE TABLE crm.deals (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    stage crm.stage NOT NULL DEFAULT 'lead',
    amount numeric,
    touched_at timestamptz
);
COMMENT ON TABLE crm.deals IS 'sales pipeline';
CREATE FUNCTION crm.touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.touched_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER deals_touch BEFORE UPDATE ON crm.deals FOR EACH ROW EXECUTE FUNCTION crm.touch();
