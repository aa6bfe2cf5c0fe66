-- +cdb upgrade
CREATE TABLE "参加者" (
    id INTEGER PRIMARY KEY,
    "événement_id" INTEGER REFERENCES "événements" (id),
    "名前" TEXT
);
ALTER TABLE "événements" ADD COLUMN "durée" INTEGER DEFAULT 60;
CREATE INDEX "ix_événements_lieu" ON "événements" ("lieu");


-- +cdb downgrade
DROP INDEX "ix_événements_lieu";
-- cdb: destructive: drops column 'événements.durée' and its data
ALTER TABLE "événements" DROP COLUMN "durée";
-- cdb: destructive: drops table '参加者' and its rows
DROP TABLE "参加者";

