-- +cdb upgrade
DROP VIEW "user_workload";
DROP VIEW "open_issues";
DROP TRIGGER "issues_status_history";
DROP TRIGGER "issues_touch";
DROP INDEX "ix_labels_project";
CREATE TABLE issue_reactions (
    issue_id INTEGER NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    emoji TEXT NOT NULL CHECK (length(emoji) BETWEEN 1 AND 16),
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (issue_id, user_id, emoji)
);
ALTER TABLE "api_tokens" ADD COLUMN last_used_at TEXT;
-- rebuild table 'attachments' (drop foreign key (issue_id) -> 'issues' on 'attachments'; add foreign key (issue_id) -> 'issues' on 'attachments')
CREATE TABLE "_cdb_new_attachments" (
    id INTEGER PRIMARY KEY,
    issue_id INTEGER NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    uploader_id INTEGER REFERENCES users (id),
    filename TEXT NOT NULL,
    size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
    sha256 TEXT
);
INSERT INTO "_cdb_new_attachments" ("id", "issue_id", "uploader_id", "filename", "size_bytes", "sha256") SELECT "id", "issue_id", "uploader_id", "filename", "size_bytes", "sha256" FROM "attachments";
DROP TABLE "attachments";
ALTER TABLE "_cdb_new_attachments" RENAME TO "attachments";
-- rebuild table 'issues' (drop foreign key (priority_id) -> 'priorities' on 'issues'; add column 'issues.estimate_minutes'; add check constraint (estimate_minutes >= 0) on 'issues'; add foreign key (priority_id) -> 'priorities' on 'issues')
CREATE TABLE "_cdb_new_issues" (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    type_id INTEGER NOT NULL REFERENCES issue_types (id),
    status_id INTEGER NOT NULL REFERENCES statuses (id),
    priority_id INTEGER REFERENCES priorities (id) ON DELETE SET NULL,
    milestone_id INTEGER REFERENCES milestones (id) ON DELETE SET NULL,
    sprint_id INTEGER REFERENCES sprints (id) ON DELETE SET NULL,
    reporter_id INTEGER NOT NULL REFERENCES users (id),
    assignee_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    parent_id INTEGER REFERENCES issues (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    body TEXT,
    estimate_minutes INTEGER CHECK (estimate_minutes >= 0),
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TEXT,
    closed_at TEXT,
    UNIQUE (project_id, number)
);
INSERT INTO "_cdb_new_issues" ("id", "project_id", "number", "type_id", "status_id", "priority_id", "milestone_id", "sprint_id", "reporter_id", "assignee_id", "parent_id", "title", "body", "created_at", "updated_at", "closed_at") SELECT "id", "project_id", "number", "type_id", "status_id", "priority_id", "milestone_id", "sprint_id", "reporter_id", "assignee_id", "parent_id", "title", "body", "created_at", "updated_at", "closed_at" FROM "issues";
DROP TABLE "issues";
ALTER TABLE "_cdb_new_issues" RENAME TO "issues";
CREATE INDEX ix_issues_assignee ON issues (assignee_id) WHERE closed_at IS NULL;
CREATE INDEX ix_issues_status ON issues (project_id, status_id);
CREATE INDEX ix_issues_title ON issues (lower(title));
ALTER TABLE "milestones" RENAME COLUMN "due" TO "due_on";
-- cdb: destructive: drops column 'projects.old_code' and its data
ALTER TABLE "projects" DROP COLUMN "old_code";
ALTER TABLE "users" ADD COLUMN timezone TEXT NOT NULL DEFAULT 'UTC';
CREATE INDEX ix_attachments_issue ON attachments (issue_id);
CREATE INDEX ix_comments_created ON comments (created_at DESC);
-- cdb: destructive: drops table 'legacy_imports' and its rows
DROP TABLE "legacy_imports";
CREATE VIEW open_issues AS
    SELECT i.id, p.key || '-' || i.number AS ref, i.title, s.name AS status, pr.name AS priority
    FROM issues i
    JOIN projects p ON p.id = i.project_id
    JOIN statuses s ON s.id = i.status_id
    LEFT JOIN priorities pr ON pr.id = i.priority_id
    WHERE i.closed_at IS NULL;
CREATE VIEW user_workload AS
    SELECT assignee_id AS user_id, count(*) AS open_count
    FROM issues WHERE closed_at IS NULL AND assignee_id IS NOT NULL
    GROUP BY assignee_id;
CREATE TRIGGER issues_status_history AFTER UPDATE OF status_id ON issues
WHEN OLD.status_id IS NOT NEW.status_id
BEGIN
    INSERT INTO issue_history (issue_id, field, old_value, new_value)
    VALUES (NEW.id, 'status', OLD.status_id, NEW.status_id);
END;
CREATE TRIGGER issues_touch AFTER UPDATE OF title, body, status_id ON issues
BEGIN
    UPDATE issues SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id;
END;


-- +cdb downgrade
DROP TRIGGER "issues_touch";
DROP TRIGGER "issues_status_history";
DROP VIEW "user_workload";
DROP VIEW "open_issues";
CREATE TABLE legacy_imports (
    id INTEGER PRIMARY KEY,
    source TEXT,
    payload TEXT
);
DROP INDEX "ix_comments_created";
DROP INDEX "ix_attachments_issue";
-- cdb: destructive: drops column 'users.timezone' and its data
ALTER TABLE "users" DROP COLUMN "timezone";
ALTER TABLE "projects" ADD COLUMN old_code TEXT;
ALTER TABLE "milestones" RENAME COLUMN "due_on" TO "due";
-- cdb: destructive: drops column 'issues.estimate_minutes' and its data
-- rebuild table 'issues' (drop foreign key (priority_id) -> 'priorities' on 'issues'; drop check constraint (estimate_minutes >= 0) on 'issues'; drop column 'issues.estimate_minutes'; add foreign key (priority_id) -> 'priorities' on 'issues')
CREATE TABLE "_cdb_new_issues" (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    type_id INTEGER NOT NULL REFERENCES issue_types (id),
    status_id INTEGER NOT NULL REFERENCES statuses (id),
    priority_id INTEGER REFERENCES priorities (id),
    milestone_id INTEGER REFERENCES milestones (id) ON DELETE SET NULL,
    sprint_id INTEGER REFERENCES sprints (id) ON DELETE SET NULL,
    reporter_id INTEGER NOT NULL REFERENCES users (id),
    assignee_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    parent_id INTEGER REFERENCES issues (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    body TEXT,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TEXT,
    closed_at TEXT,
    UNIQUE (project_id, number)
);
INSERT INTO "_cdb_new_issues" ("id", "project_id", "number", "type_id", "status_id", "priority_id", "milestone_id", "sprint_id", "reporter_id", "assignee_id", "parent_id", "title", "body", "created_at", "updated_at", "closed_at") SELECT "id", "project_id", "number", "type_id", "status_id", "priority_id", "milestone_id", "sprint_id", "reporter_id", "assignee_id", "parent_id", "title", "body", "created_at", "updated_at", "closed_at" FROM "issues";
DROP TABLE "issues";
ALTER TABLE "_cdb_new_issues" RENAME TO "issues";
CREATE INDEX ix_issues_assignee ON issues (assignee_id) WHERE closed_at IS NULL;
CREATE INDEX ix_issues_status ON issues (project_id, status_id);
CREATE INDEX ix_issues_title ON issues (lower(title));
-- rebuild table 'attachments' (drop foreign key (issue_id) -> 'issues' on 'attachments'; add foreign key (issue_id) -> 'issues' on 'attachments')
CREATE TABLE "_cdb_new_attachments" (
    id INTEGER PRIMARY KEY,
    issue_id INTEGER NOT NULL REFERENCES issues (id),
    uploader_id INTEGER REFERENCES users (id),
    filename TEXT NOT NULL,
    size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
    sha256 TEXT
);
INSERT INTO "_cdb_new_attachments" ("id", "issue_id", "uploader_id", "filename", "size_bytes", "sha256") SELECT "id", "issue_id", "uploader_id", "filename", "size_bytes", "sha256" FROM "attachments";
DROP TABLE "attachments";
ALTER TABLE "_cdb_new_attachments" RENAME TO "attachments";
-- cdb: destructive: drops column 'api_tokens.last_used_at' and its data
ALTER TABLE "api_tokens" DROP COLUMN "last_used_at";
-- cdb: destructive: drops table 'issue_reactions' and its rows
DROP TABLE "issue_reactions";
CREATE INDEX ix_labels_project ON labels (project_id);
CREATE TRIGGER issues_touch AFTER UPDATE OF title, body, status_id ON issues
BEGIN
    UPDATE issues SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id;
END;
CREATE TRIGGER issues_status_history AFTER UPDATE OF status_id ON issues
WHEN OLD.status_id IS NOT NEW.status_id
BEGIN
    INSERT INTO issue_history (issue_id, field, old_value, new_value)
    VALUES (NEW.id, 'status', OLD.status_id, NEW.status_id);
END;
CREATE VIEW open_issues AS
    SELECT i.id, p.key || '-' || i.number AS ref, i.title, s.name AS status
    FROM issues i
    JOIN projects p ON p.id = i.project_id
    JOIN statuses s ON s.id = i.status_id
    WHERE i.closed_at IS NULL;
CREATE VIEW user_workload AS
    SELECT assignee_id AS user_id, count(*) AS open_count
    FROM issues WHERE closed_at IS NULL AND assignee_id IS NOT NULL
    GROUP BY assignee_id;

