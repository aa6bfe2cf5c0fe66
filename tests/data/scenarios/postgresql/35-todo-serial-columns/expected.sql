-- +cdb upgrade
CREATE SEQUENCE "lists_id_seq" AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE;
CREATE TABLE "lists" (
    "id" integer DEFAULT nextval('lists_id_seq'::regclass) NOT NULL,
    "name" text NOT NULL,
    CONSTRAINT "lists_pkey" PRIMARY KEY (id)
);
ALTER SEQUENCE "lists_id_seq" OWNED BY "lists"."id";

CREATE SEQUENCE "todos_seq_seq" AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;
ALTER TABLE "todos" ADD COLUMN "seq" bigint DEFAULT nextval('todos_seq_seq'::regclass) NOT NULL;
ALTER SEQUENCE "todos_seq_seq" OWNED BY "todos"."seq";

CREATE SEQUENCE "todos_rank_seq" AS smallint INCREMENT BY 1 MINVALUE 1 MAXVALUE 32767 START WITH 1 CACHE 1 NO CYCLE;
ALTER TABLE "todos" ADD COLUMN "rank" smallint DEFAULT nextval('todos_rank_seq'::regclass) NOT NULL;
ALTER SEQUENCE "todos_rank_seq" OWNED BY "todos"."rank";


-- +cdb downgrade
-- cdb: destructive: drops column 'public.todos.rank' and its data
ALTER TABLE "todos" DROP COLUMN "rank";

-- cdb: destructive: drops column 'public.todos.seq' and its data
ALTER TABLE "todos" DROP COLUMN "seq";

-- cdb: destructive: drops table 'public.lists' and its rows
DROP TABLE "lists";

