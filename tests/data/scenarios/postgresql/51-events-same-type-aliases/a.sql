CREATE TABLE venues (
    id serial PRIMARY KEY,
    name character varying(80) NOT NULL,
    capacity integer,
    big_number bigint,
    open boolean NOT NULL DEFAULT true,
    opened_at timestamp with time zone,
    rating double precision,
    fee numeric(8,2),
    code character(4),
    starts time without time zone
);
