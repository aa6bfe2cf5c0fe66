-- +cdb upgrade
ALTER TABLE "people" ADD COLUMN "team_id" integer;

CREATE TABLE "teams" (
    "id" integer NOT NULL,
    "lead_id" integer,
    "dept_id" integer,
    CONSTRAINT "teams_pkey" PRIMARY KEY (id),
    CONSTRAINT "teams_lead_id_fkey" FOREIGN KEY (lead_id) REFERENCES people(id)
);

CREATE TABLE "depts" (
    "id" integer NOT NULL,
    "head_team_id" integer,
    CONSTRAINT "depts_pkey" PRIMARY KEY (id)
);

ALTER TABLE "people" ADD CONSTRAINT "people_team_id_fkey" FOREIGN KEY (team_id) REFERENCES teams(id);

ALTER TABLE "teams" ADD CONSTRAINT "teams_dept_id_fkey" FOREIGN KEY (dept_id) REFERENCES depts(id);

ALTER TABLE "depts" ADD CONSTRAINT "depts_head_team_id_fkey" FOREIGN KEY (head_team_id) REFERENCES teams(id);


-- +cdb downgrade
ALTER TABLE "depts" DROP CONSTRAINT "depts_head_team_id_fkey";

ALTER TABLE "teams" DROP CONSTRAINT "teams_dept_id_fkey";

ALTER TABLE "people" DROP CONSTRAINT "people_team_id_fkey";

-- cdb: destructive: drops column 'public.people.team_id' and its data
ALTER TABLE "people" DROP COLUMN "team_id";

-- cdb: destructive: drops table 'public.depts' and its rows
DROP TABLE "depts";

-- cdb: destructive: drops table 'public.teams' and its rows
DROP TABLE "teams";

