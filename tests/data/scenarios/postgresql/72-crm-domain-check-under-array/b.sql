CREATE DOMAIN email AS text
    CONSTRAINT email_has_at CHECK (VALUE LIKE '%@%');
CREATE TABLE contacts (
    id integer PRIMARY KEY,
    main email NOT NULL,
    others email[] NOT NULL DEFAULT '{}'
);
CREATE VIEW contact_counts AS SELECT id, cardinality(others) AS n FROM contacts;
