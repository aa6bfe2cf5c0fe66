-- +cdb upgrade
CREATE TABLE "参加者" (
    "id" integer NOT NULL,
    "événement_id" integer,
    "名前" text,
    CONSTRAINT "参加者_pkey" PRIMARY KEY (id),
    CONSTRAINT "参加者_événement_id_fkey" FOREIGN KEY ("événement_id") REFERENCES "événements"(id)
);

ALTER TABLE "événements" ADD COLUMN "durée" integer DEFAULT 60;

CREATE INDEX "ix_événements_lieu" ON public."événements" USING btree (lieu);

COMMENT ON TABLE "参加者" IS '参加者の一覧';


-- +cdb downgrade
COMMENT ON TABLE "参加者" IS NULL;

DROP INDEX "ix_événements_lieu";

-- cdb: destructive: drops column 'public.événements.durée' and its data
ALTER TABLE "événements" DROP COLUMN "durée";

-- cdb: destructive: drops table 'public.参加者' and its rows
DROP TABLE "参加者";

