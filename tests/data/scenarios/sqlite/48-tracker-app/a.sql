-- An issue tracker: organisations, projects, issues and everything around them.
CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL COLLATE NOCASE,
    display_name TEXT NOT NULL,
    password_hash TEXT,
    is_admin INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX ux_users_email ON users (email);
CREATE TABLE memberships (
    organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('owner', 'admin', 'member')),
    PRIMARY KEY (organisation_id, user_id)
);
CREATE TABLE teams (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    UNIQUE (organisation_id, name)
);
CREATE TABLE team_members (
    team_id INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (team_id, user_id)
) WITHOUT ROWID;
CREATE TABLE projects (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT,
    old_code TEXT,
    archived INTEGER NOT NULL DEFAULT 0,
    UNIQUE (organisation_id, key)
);
CREATE TABLE project_settings (
    project_id INTEGER PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
    default_assignee_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    allow_public INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE issue_types (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    icon TEXT
);
CREATE TABLE statuses (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    category TEXT NOT NULL CHECK (category IN ('todo', 'doing', 'done')),
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE priorities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    weight INTEGER NOT NULL
);
CREATE TABLE milestones (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    due TEXT,
    closed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_milestones_project ON milestones (project_id);
CREATE TABLE sprints (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    starts_on TEXT,
    ends_on TEXT,
    CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
CREATE TABLE issues (
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
CREATE INDEX ix_issues_assignee ON issues (assignee_id) WHERE closed_at IS NULL;
CREATE INDEX ix_issues_status ON issues (project_id, status_id);
CREATE INDEX ix_issues_title ON issues (lower(title));
CREATE TABLE issue_links (
    from_id INTEGER NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    to_id INTEGER NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    kind TEXT NOT NULL DEFAULT 'relates',
    PRIMARY KEY (from_id, to_id, kind),
    CHECK (from_id <> to_id)
);
CREATE TABLE labels (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    color TEXT NOT NULL DEFAULT '#cccccc'
);
CREATE INDEX ix_labels_project ON labels (project_id);
CREATE UNIQUE INDEX ux_labels_name ON labels (project_id, name);
CREATE TABLE issue_labels (
    issue_id INTEGER NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    label_id INTEGER NOT NULL REFERENCES labels (id) ON DELETE CASCADE,
    PRIMARY KEY (issue_id, label_id)
);
CREATE TABLE comments (
    id INTEGER PRIMARY KEY,
    issue_id INTEGER NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    author_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    edited_at TEXT
);
CREATE INDEX ix_comments_issue ON comments (issue_id);
CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    issue_id INTEGER NOT NULL REFERENCES issues (id),
    uploader_id INTEGER REFERENCES users (id),
    filename TEXT NOT NULL,
    size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
    sha256 TEXT
);
CREATE TABLE watchers (
    issue_id INTEGER NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (issue_id, user_id)
);
CREATE TABLE worklogs (
    id INTEGER PRIMARY KEY,
    issue_id INTEGER NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id),
    minutes INTEGER NOT NULL CHECK (minutes > 0),
    logged_on TEXT NOT NULL
);
CREATE TABLE custom_fields (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('text', 'number', 'date'))
);
CREATE TABLE custom_values (
    issue_id INTEGER NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    field_id INTEGER NOT NULL REFERENCES custom_fields (id) ON DELETE CASCADE,
    value TEXT,
    PRIMARY KEY (issue_id, field_id)
);
CREATE TABLE boards (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    name TEXT NOT NULL
);
CREATE TABLE board_columns (
    id INTEGER PRIMARY KEY,
    board_id INTEGER NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
    status_id INTEGER NOT NULL REFERENCES statuses (id),
    position INTEGER NOT NULL,
    wip_limit INTEGER
);
CREATE TABLE saved_filters (
    id INTEGER PRIMARY KEY,
    owner_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    query TEXT NOT NULL,
    shared INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE notifications (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    issue_id INTEGER REFERENCES issues (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    read_at TEXT,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX ix_notifications_unread ON notifications (user_id) WHERE read_at IS NULL;
CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    label TEXT,
    expires_at TEXT
);
CREATE TABLE webhooks (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    secret TEXT,
    active INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE webhook_deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    webhook_id INTEGER NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    status_code INTEGER,
    delivered_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    actor_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    action TEXT NOT NULL,
    target TEXT,
    at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE legacy_imports (
    id INTEGER PRIMARY KEY,
    source TEXT,
    payload TEXT
);
CREATE TABLE issue_history (
    id INTEGER PRIMARY KEY,
    issue_id INTEGER NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    changed_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
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
