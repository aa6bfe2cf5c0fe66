-- +cdb upgrade
ALTER TABLE "c" DROP CONSTRAINT "c_a_fkey";

DROP INDEX "p_a_idx";


-- +cdb downgrade
CREATE UNIQUE INDEX p_a_idx ON public.p USING btree (a);

ALTER TABLE "c" ADD CONSTRAINT "c_a_fkey" FOREIGN KEY (a) REFERENCES p(a);

