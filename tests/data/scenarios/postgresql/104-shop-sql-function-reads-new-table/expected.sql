-- +cdb upgrade
CREATE TABLE "users" (
    "id" integer NOT NULL,
    CONSTRAINT "users_pkey" PRIMARY KEY (id)
);

CREATE OR REPLACE FUNCTION public.n()
 RETURNS bigint
 LANGUAGE sql
AS $function$SELECT count(*) FROM users$function$;


-- +cdb downgrade
DROP FUNCTION "n"();

-- cdb: destructive: drops table 'public.users' and its rows
DROP TABLE "users";

