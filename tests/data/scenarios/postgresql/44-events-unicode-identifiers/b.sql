CREATE TABLE événements (
    id integer PRIMARY KEY,
    titre text NOT NULL,
    lieu text,
    durée integer DEFAULT 60
);
CREATE INDEX ix_événements_lieu ON événements (lieu);
CREATE TABLE "参加者" (
    id integer PRIMARY KEY,
    événement_id integer REFERENCES événements (id),
    "名前" text
);
COMMENT ON TABLE "参加者" IS '参加者の一覧';
