INSERT INTO organisations (id, slug, name, created_at) VALUES (1, 'acme', 'Acme', '2024-01-01 00:00:00');
INSERT INTO users (id, email, display_name, is_admin, created_at) VALUES
    (1, 'ann@acme.test', 'Ann', 1, '2024-01-01 00:00:00'),
    (2, 'bob@acme.test', 'Bob', 0, '2024-01-02 00:00:00');
INSERT INTO memberships VALUES (1, 1, 'owner'), (1, 2, 'member');
INSERT INTO teams VALUES (1, 1, 'core');
INSERT INTO team_members VALUES (1, 1), (1, 2);
INSERT INTO projects (id, organisation_id, key, name, old_code) VALUES (1, 1, 'WEB', 'Website', 'W1'), (2, 1, 'API', 'Public API', NULL);
INSERT INTO issue_types VALUES (1, 'bug', 'b'), (2, 'task', 't');
INSERT INTO statuses VALUES (1, 'open', 'todo', 0), (2, 'doing', 'doing', 1), (3, 'closed', 'done', 2);
INSERT INTO priorities VALUES (1, 'low', 1), (2, 'high', 3);
INSERT INTO milestones VALUES (1, 1, 'v1', '2024-06-30', 0);
INSERT INTO sprints VALUES (1, 1, 'sprint 1', '2024-05-01', '2024-05-14');
INSERT INTO issues (id, project_id, number, type_id, status_id, priority_id, milestone_id, sprint_id, reporter_id, assignee_id, parent_id, title, body, created_at, closed_at) VALUES
    (1, 1, 1, 1, 1, 2, 1, 1, 1, 2, NULL, 'Login fails', 'stack trace', '2024-05-02 09:00:00', NULL),
    (2, 1, 2, 2, 3, 1, 1, NULL, 2, 1, 1, 'Write test', NULL, '2024-05-03 09:00:00', '2024-05-04 10:00:00'),
    (3, 2, 1, 2, 2, NULL, NULL, NULL, 1, NULL, NULL, 'Rate limits', 'per token', '2024-05-05 09:00:00', NULL);
INSERT INTO issue_links VALUES (2, 1, 'blocks');
INSERT INTO labels VALUES (1, 1, 'ui', '#ff0000'), (2, 1, 'auth', '#00ff00');
INSERT INTO issue_labels VALUES (1, 1), (1, 2);
INSERT INTO comments (id, issue_id, author_id, body, created_at) VALUES (1, 1, 2, 'on it', '2024-05-02 10:00:00'), (2, 1, 1, 'thanks', '2024-05-02 11:00:00');
INSERT INTO attachments VALUES (1, 1, 2, 'log.txt', 1234, 'abc');
INSERT INTO watchers VALUES (1, 1), (1, 2);
INSERT INTO worklogs VALUES (1, 1, 2, 90, '2024-05-02');
INSERT INTO custom_fields VALUES (1, 1, 'browser', 'text');
INSERT INTO custom_values VALUES (1, 1, 'firefox');
INSERT INTO boards VALUES (1, 1, 'Kanban');
INSERT INTO board_columns VALUES (1, 1, 1, 0, NULL), (2, 1, 2, 1, 3);
INSERT INTO saved_filters VALUES (1, 1, 'mine', 'assignee:me', 0);
INSERT INTO notifications (id, user_id, issue_id, kind, created_at) VALUES (1, 2, 1, 'assigned', '2024-05-02 09:00:00');
INSERT INTO api_tokens (id, user_id, token_hash, label) VALUES (1, 1, 'h1', 'ci');
INSERT INTO webhooks VALUES (1, 1, 'https://hooks.test/x', NULL, 1);
INSERT INTO webhook_deliveries VALUES (1, 1, 200, '2024-05-02 09:00:01');
INSERT INTO audit_log VALUES (1, 1, 'create', 'issue:1', '2024-05-02 09:00:00');
INSERT INTO legacy_imports VALUES (1, 'jira', '{}');
INSERT INTO issue_history (id, issue_id, field, old_value, new_value, changed_at) VALUES (1, 2, 'status', '1', '3', '2024-05-04 10:00:00');
