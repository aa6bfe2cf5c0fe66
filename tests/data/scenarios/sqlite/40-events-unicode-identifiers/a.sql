CREATE TABLE "événements" (
    id INTEGER PRIMARY KEY,
    "titre" TEXT NOT NULL,
    "lieu" TEXT
);
