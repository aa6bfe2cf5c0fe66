CREATE SEQUENCE venues_id_seq AS int4;
CREATE TABLE venues (
    id int4 NOT NULL DEFAULT nextval('venues_id_seq'::regclass),
    name varchar(80) NOT NULL,
    capacity int,
    big_number int8,
    open bool NOT NULL DEFAULT 't',
    opened_at timestamptz,
    rating float8,
    fee decimal(8,2),
    code char(4),
    starts time,
    CONSTRAINT venues_pkey PRIMARY KEY (id)
);
ALTER SEQUENCE venues_id_seq OWNED BY venues.id;
