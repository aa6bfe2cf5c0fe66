create schema billing;
create collation billing.byte_order (provider = libc, lc_collate = 'C', lc_ctype = 'C');
create collation "case_insensitive" (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
create type public.floatrange as range (subtype = double precision, subtype_diff = float8mi, multirange_type_name = floatmultirange);
create type billing.textrange as range (subtype = text, collation = billing.byte_order);
create type public.address as (
    "street" text,
    "city" character varying(60) collate public.case_insensitive
);
create type billing.invoice_line as (
    item text collate billing.byte_order,
    qty int4,
    ship_to public.address,
    valid public.floatrange
);
create table contacts (
    id int primary key,
    name text collate case_insensitive not null,
    home address,
    span floatrange
);
create index contacts_name_c on contacts (name collate "C");
create table billing.invoices (
    id int primary key,
    lines billing.invoice_line[],
    codes billing.textrange
);
COMMENT ON COLLATION case_insensitive IS 'case-insensitive comparison';
COMMENT ON TYPE floatrange IS 'a span of floats';
COMMENT ON TYPE billing.invoice_line IS 'one line';
