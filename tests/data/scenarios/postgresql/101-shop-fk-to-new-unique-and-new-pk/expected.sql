-- +cdb upgrade
ALTER TABLE "p" ADD CONSTRAINT "p_pkey" PRIMARY KEY (b);

ALTER TABLE "c" ADD CONSTRAINT "c_b_fkey" FOREIGN KEY (b) REFERENCES p(b);

CREATE UNIQUE INDEX p_a_idx ON public.p USING btree (a);

ALTER TABLE "c" ADD CONSTRAINT "c_a_fkey" FOREIGN KEY (a) REFERENCES p(a);


-- +cdb downgrade
ALTER TABLE "c" DROP CONSTRAINT "c_a_fkey";

DROP INDEX "p_a_idx";

ALTER TABLE "c" DROP CONSTRAINT "c_b_fkey";

ALTER TABLE "p" DROP CONSTRAINT "p_pkey";

