-- +cdb upgrade
CREATE UNLOGGED TABLE "todo_scratch" (
    "k" text NOT NULL,
    "v" text,
    CONSTRAINT "todo_scratch_pkey" PRIMARY KEY (k)
);

CREATE SEQUENCE "todo_sessions_id_seq" AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;
CREATE TABLE "todo_sessions" (
    "id" bigint DEFAULT nextval('todo_sessions_id_seq'::regclass) NOT NULL,
    "token" text NOT NULL,
    CONSTRAINT "todo_sessions_pkey" PRIMARY KEY (id),
    CONSTRAINT "todo_sessions_token_key" UNIQUE (token)
);
ALTER SEQUENCE "todo_sessions_id_seq" OWNED BY "todo_sessions"."id";
ALTER TABLE "todo_sessions" SET UNLOGGED;

ALTER TABLE "todo_cache" SET LOGGED;

ALTER TABLE "todo_events" SET UNLOGGED;

CREATE INDEX ix_todo_scratch_v ON public.todo_scratch USING btree (v);


-- +cdb downgrade
DROP INDEX "ix_todo_scratch_v";

ALTER TABLE "todo_events" SET LOGGED;

ALTER TABLE "todo_cache" SET UNLOGGED;

-- cdb: destructive: drops table 'public.todo_sessions' and its rows
DROP TABLE "todo_sessions";

-- cdb: destructive: drops table 'public.todo_scratch' and its rows
DROP TABLE "todo_scratch";

