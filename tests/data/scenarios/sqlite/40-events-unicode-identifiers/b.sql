CREATE TABLE "événements" (
    id INTEGER PRIMARY KEY,
    "titre" TEXT NOT NULL,
    "lieu" TEXT,
    "durée" INTEGER DEFAULT 60
);
CREATE INDEX "ix_événements_lieu" ON "événements" ("lieu");
CREATE TABLE "参加者" (
    id INTEGER PRIMARY KEY,
    "événement_id" INTEGER REFERENCES "événements" (id),
    "名前" TEXT
);
