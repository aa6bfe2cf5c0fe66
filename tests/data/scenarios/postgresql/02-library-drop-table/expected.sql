-- +cdb upgrade
DROP INDEX "ix_reviews_book";

-- cdb: destructive: drops table 'public.reviews' and its rows
DROP TABLE "reviews";


-- +cdb downgrade
CREATE SEQUENCE "reviews_id_seq" AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE;
CREATE TABLE "reviews" (
    "id" integer DEFAULT nextval('reviews_id_seq'::regclass) NOT NULL,
    "book_id" integer,
    "stars" smallint,
    "body" text,
    CONSTRAINT "reviews_pkey" PRIMARY KEY (id),
    CONSTRAINT "reviews_book_id_fkey" FOREIGN KEY (book_id) REFERENCES books(id)
);
ALTER SEQUENCE "reviews_id_seq" OWNED BY "reviews"."id";

CREATE INDEX ix_reviews_book ON public.reviews USING btree (book_id);

