-- +cdb upgrade
CREATE SEQUENCE "loans_id_seq" AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE;
CREATE TABLE "loans" (
    "id" integer DEFAULT nextval('loans_id_seq'::regclass) NOT NULL,
    "book_id" integer NOT NULL,
    "borrower" text NOT NULL,
    "due_on" date,
    CONSTRAINT "loans_pkey" PRIMARY KEY (id),
    CONSTRAINT "loans_book_id_fkey" FOREIGN KEY (book_id) REFERENCES books(id)
);
ALTER SEQUENCE "loans_id_seq" OWNED BY "loans"."id";

CREATE INDEX ix_loans_book ON public.loans USING btree (book_id);


-- +cdb downgrade
DROP INDEX "ix_loans_book";

-- cdb: destructive: drops table 'public.loans' and its rows
DROP TABLE "loans";

