/* test_diff.c - diffing two SQLite schemas, the inverse list, and rendering them */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "cdb/dialect.h"
#include "cdb/diff.h"
#include "cdb/error.h"
#include "cdb/models.h"
#include "cdb/schema.h"


/* Read `sql` into `out` through a real in-memory SQLite database. */
static void schema_of(struct cdb_schema *out, const char *sql)
{
	struct cdb_db *db;

	cr_assert_eq(cdb_db_open(&db, "sqlite://", NULL), 0, "%s", cdb_error_message());
	cr_assert_eq(db->vt->exec(db, sql, NULL), 0, "%s", cdb_error_message());
	cdb_schema_init(out);
	cr_assert_eq(db->vt->introspect(out, db, NULL), 0, "%s", cdb_error_message());
	cdb_db_close(db);
}

static size_t count(const struct cdb_diff *d, enum cdb_op_kind k)
{
	size_t n = 0;

	for (size_t i = 0; i < d->nops; i++)
		n += d->ops[i].kind == k;
	return n;
}

static struct cdb_buf described = CDB_BUF_INIT;

/* The op's description; valid until the next call. */
static const char *describe(const struct cdb_op *op)
{
	cdb_buf_reset(&described);
	cdb_op_describe(&described, op);
	return described.ptr;
}

static void release_described(void)
{
	cdb_buf_release(&described);
}

TestSuite(diff, .fini = release_described);

Test(diff, same_schema_written_differently)
{
	struct cdb_schema a, b;
	struct cdb_diff d;

	schema_of(&a, "CREATE TABLE organizers (id INTEGER NOT NULL, name VARCHAR(100) NOT NULL, PRIMARY KEY (id));"
	              "CREATE TABLE events (id INTEGER NOT NULL, capacity INTEGER DEFAULT 50 NOT NULL,"
	              " status VARCHAR(20) DEFAULT 'draft' NOT NULL, organizer_id INTEGER, PRIMARY KEY (id),"
	              " CHECK (capacity > 0), FOREIGN KEY(organizer_id) REFERENCES organizers (id) ON DELETE SET NULL);"
	              "CREATE INDEX ix_events_cap ON events (capacity);"
	              "CREATE VIEW big AS SELECT id FROM events WHERE capacity > 100;");
	schema_of(&b, "create table \"events\" (\"id\" integer not null primary key,"
	              " capacity integer not null default (50) check (capacity > 0),"
	              " status varchar( 20 ) not null default 'draft',"
	              " organizer_id integer references organizers on delete set null);"
	              "create table organizers (id integer not null primary key, name varchar(100) not null);"
	              "create view big as select id from \"events\" where capacity>100;"
	              "create index ix_events_cap on \"events\" (\"capacity\");");
	cr_assert_eq(cdb_diff_compute(&d, &a, &b, NULL), 0);
	if (d.nops)
		cr_log_error("unexpected: %s", describe(&d.ops[0]));
	cr_assert(cdb_diff_empty(&d));
	cr_assert_eq(d.nops, 0);
	cr_assert_eq(d.ninverse, 0);
	cdb_diff_release(&d);
	cdb_schema_release(&a);
	cdb_schema_release(&b);
}

Test(diff, add_and_drop_columns_invert)
{
	struct cdb_schema a, b;
	struct cdb_diff d;
	struct cdb_buf up = CDB_BUF_INIT, down = CDB_BUF_INIT;

	schema_of(&a, "CREATE TABLE m (id INTEGER PRIMARY KEY, tagline TEXT);");
	schema_of(&b, "CREATE TABLE m (id INTEGER PRIMARY KEY, title TEXT, year INT NOT NULL DEFAULT 2000);");
	cr_assert_eq(cdb_diff_compute(&d, &a, &b, NULL), 0);
	cr_assert_eq(count(&d, CDB_OP_ADD_COLUMN), 2);
	cr_assert_eq(count(&d, CDB_OP_DROP_COLUMN), 1);
	cr_assert_eq(d.ndestructive, 1);
	cr_assert_eq(d.ninverse, d.nops);
	/* the downgrade undoes the last upgrade op first */
	cr_assert_eq(d.inverse[0].kind, CDB_OP_DROP_COLUMN);
	cr_assert_eq(d.inverse[d.ninverse - 1].kind, CDB_OP_ADD_COLUMN);
	cr_assert_str_eq(d.inverse[d.ninverse - 1].to_column->name, "tagline");
	cr_assert_str_eq(describe(&d.ops[0]), "drop column 'm.tagline'");
	/* tagline and title are both TEXT: maybe a rename */
	cr_assert_eq(d.nrenames, 1);
	cr_assert_str_eq(d.renames[0].hint, "-- cdb: rename column m.tagline to title");

	cr_assert_eq(cdb_sqlite_dialect.render(&up, &down, &d), 0, "%s", cdb_error_message());
	cr_assert(strstr(up.ptr, "ALTER TABLE \"m\" ADD COLUMN title TEXT;"), "%s", up.ptr);
	cr_assert(strstr(up.ptr, "-- cdb: destructive: drops column 'm.tagline'"), "%s", up.ptr);
	cr_assert(strstr(up.ptr, "ALTER TABLE \"m\" DROP COLUMN \"tagline\";"), "%s", up.ptr);
	cr_assert(strstr(down.ptr, "ALTER TABLE \"m\" ADD COLUMN tagline TEXT;"), "%s", down.ptr);
	cdb_buf_release(&up);
	cdb_buf_release(&down);
	cdb_diff_release(&d);
	cdb_schema_release(&a);
	cdb_schema_release(&b);
}

Test(diff, rename_hints)
{
	struct cdb_schema a, b;
	struct cdb_diff d;
	struct cdb_rename_hints h;

	schema_of(&a, "CREATE TABLE accounts (id INTEGER PRIMARY KEY, mail TEXT);");
	schema_of(&b, "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);");
	cdb_rename_hints_init(&h);
	cr_assert_eq(cdb_rename_hints_scan(&h, "m.sql", "-- cdb: rename table accounts to users\n"
	                                                "-- cdb: rename column users.mail to email\n"
	                                                "-- cdb: rename column users.nothing to other\n"), 0);
	cr_assert_eq(cdb_diff_compute(&d, &a, &b, &h), 0);
	cr_assert_eq(d.nops, 2);
	cr_assert_eq(d.ops[0].kind, CDB_OP_RENAME_TABLE);
	cr_assert_eq(d.ops[1].kind, CDB_OP_RENAME_COLUMN);
	cr_assert_eq(d.ndestructive, 0);
	cr_assert_eq(d.nrenames, 0);
	cr_assert_eq(d.inverse[0].kind, CDB_OP_RENAME_COLUMN);
	cr_assert_str_eq(d.inverse[0].to_column->name, "mail");
	cr_assert_eq(d.inverse[1].kind, CDB_OP_RENAME_TABLE);
	cr_assert_str_eq(d.inverse[1].to_table->name, "accounts");
	cdb_diff_release(&d);

	/* without hints: drop + create, and a possible rename of the table */
	cr_assert_eq(cdb_diff_compute(&d, &a, &b, NULL), 0);
	cr_assert_eq(count(&d, CDB_OP_DROP_TABLE), 1);
	cr_assert_eq(count(&d, CDB_OP_CREATE_TABLE), 1);
	cr_assert_eq(d.ndestructive, 1);
	cdb_diff_release(&d);
	cdb_rename_hints_release(&h);
	cdb_schema_release(&a);
	cdb_schema_release(&b);
}

/*
 * A renamed table whose columns and constraints change too: the upgrade
 * renames first, the downgrade renames back last, and every op in between
 * names the table as it is called at that point (its new name, both ways).
 */
Test(diff, ops_name_a_renamed_table_as_it_is_called)
{
	struct cdb_schema a, b;
	struct cdb_diff d;
	struct cdb_rename_hints h;
	size_t back = 0;

	schema_of(&a, "CREATE TABLE accounts (id INTEGER PRIMARY KEY, qty INTEGER);"
	              "CREATE INDEX ix_accounts_qty ON accounts (qty);");
	schema_of(&b, "CREATE TABLE users (id INTEGER PRIMARY KEY, qty INTEGER CHECK (qty >= 0), note TEXT);"
	              "CREATE INDEX ix_accounts_qty ON users (qty, note);");
	cdb_rename_hints_init(&h);
	cr_assert_eq(cdb_rename_hints_scan(&h, "m.sql", "-- cdb: rename table accounts to users\n"), 0);
	cr_assert_eq(cdb_diff_compute(&d, &a, &b, &h), 0);
	cr_assert_eq(count(&d, CDB_OP_ADD_COLUMN), 1);
	cr_assert_eq(count(&d, CDB_OP_ADD_CONSTRAINT), 1);
	for (size_t i = 0, seen = 0; i < d.nops; i++) {
		const struct cdb_op *op = &d.ops[i];

		cr_assert_not_null(op->table, "%s", describe(op));
		if (op->kind == CDB_OP_RENAME_TABLE) {
			cr_assert_str_eq(op->table->name, "accounts");
			seen = 1;
		} else {
			cr_assert_str_eq(op->table->name, seen ? "users" : "accounts", "%s", describe(op));
		}
	}
	for (size_t i = 0; i < d.ninverse; i++)
		if (d.inverse[i].kind == CDB_OP_RENAME_TABLE)
			back = i;
	cr_assert_gt(back, 0);
	cr_assert_str_eq(d.inverse[back].table->name, "users");
	cr_assert_str_eq(d.inverse[back].to_table->name, "accounts");
	for (size_t i = 0; i < d.ninverse; i++) {
		const struct cdb_op *op = &d.inverse[i];

		cr_assert_not_null(op->table, "%s", describe(op));
		if (i < back && (op->kind == CDB_OP_DROP_COLUMN || op->kind == CDB_OP_DROP_CONSTRAINT))
			cr_assert_str_eq(op->table->name, "users", "%s", describe(op));
		if (i > back)
			cr_assert_str_eq(op->table->name, "accounts", "%s", describe(op));
	}
	cdb_diff_release(&d);
	cdb_rename_hints_release(&h);
	cdb_schema_release(&a);
	cdb_schema_release(&b);
}

Test(diff, dependency_order)
{
	struct cdb_schema a, b;
	struct cdb_diff d;
	size_t parent = 0, child = 0;

	schema_of(&a, "CREATE TABLE keep (id INTEGER PRIMARY KEY);");
	schema_of(&b, "CREATE TABLE keep (id INTEGER PRIMARY KEY);"
	              "CREATE TABLE a_child (id INTEGER PRIMARY KEY, p INT REFERENCES z_parent (id));"
	              "CREATE TABLE z_parent (id INTEGER PRIMARY KEY, g INT REFERENCES zz_grand (id));"
	              "CREATE TABLE zz_grand (id INTEGER PRIMARY KEY);"
	              "CREATE VIEW v2 AS SELECT * FROM v1;"
	              "CREATE VIEW v1 AS SELECT * FROM a_child;");
	cr_assert_eq(cdb_diff_compute(&d, &a, &b, NULL), 0);
	for (size_t i = 0; i < d.nops; i++) {
		if (d.ops[i].kind == CDB_OP_CREATE_TABLE && !strcmp(d.ops[i].to_table->name, "z_parent"))
			parent = i;
		if (d.ops[i].kind == CDB_OP_CREATE_TABLE && !strcmp(d.ops[i].to_table->name, "a_child"))
			child = i;
	}
	cr_assert_lt(parent, child, "referenced tables are created first");
	cr_assert_eq(d.ops[0].kind, CDB_OP_CREATE_TABLE);
	cr_assert_str_eq(d.ops[0].to_table->name, "zz_grand");
	cr_assert_eq(d.ops[d.nops - 2].kind, CDB_OP_CREATE_VIEW);
	cr_assert_str_eq(d.ops[d.nops - 2].to_view->name, "v1");
	cr_assert_str_eq(d.ops[d.nops - 1].to_view->name, "v2");
	/* the downgrade drops v2 before v1 and the child before its parent */
	cr_assert_str_eq(d.inverse[0].from_view->name, "v2");
	cr_assert_eq(d.inverse[d.ninverse - 1].kind, CDB_OP_DROP_TABLE);
	cr_assert_str_eq(d.inverse[d.ninverse - 1].from_table->name, "zz_grand");
	cdb_diff_release(&d);
	cdb_schema_release(&a);
	cdb_schema_release(&b);
}

static const char *const round_a =
	"CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n"
	"CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INT NOT NULL REFERENCES users (id),"
	" title VARCHAR(100), body TEXT DEFAULT '' NOT NULL, legacy TEXT, updated TEXT);\n"
	"CREATE INDEX ix_posts_user ON posts (user_id);\n"
	"CREATE INDEX ix_posts_legacy ON posts (legacy);\n"
	"CREATE VIEW titles AS SELECT p.id, p.title, u.name FROM posts p JOIN users u ON u.id = p.user_id;\n"
	"CREATE TRIGGER posts_touch AFTER UPDATE OF title ON posts BEGIN"
	" UPDATE posts SET updated = 'now' WHERE id = NEW.id; END;\n";

static const char *const round_b =
	"CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT);\n"
	"CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
	" title VARCHAR(200) NOT NULL, body TEXT, updated TEXT, CHECK (length(title) > 0));\n"
	"CREATE INDEX ix_posts_user ON posts (user_id);\n"
	"CREATE UNIQUE INDEX ux_users_email ON users (email) WHERE email IS NOT NULL;\n"
	"CREATE VIEW titles AS SELECT p.id, p.title, u.name FROM posts p JOIN users u ON u.id = p.user_id;\n"
	"CREATE TRIGGER posts_touch AFTER UPDATE OF title ON posts BEGIN"
	" UPDATE posts SET updated = 'now' WHERE id = NEW.id; END;\n";

/* The schema of `db` diffed against `want` has no change. */
static void assert_schema(struct cdb_db *db, const char *want)
{
	struct cdb_schema got, w;
	struct cdb_diff d;

	cdb_schema_init(&got);
	cr_assert_eq(db->vt->introspect(&got, db, NULL), 0, "%s", cdb_error_message());
	schema_of(&w, want);
	cr_assert_eq(cdb_diff_compute(&d, &got, &w, NULL), 0);
	if (d.nchanges)
		cr_log_error("left over: %s", describe(&d.ops[0]));
	cr_assert(cdb_diff_empty(&d));
	cdb_diff_release(&d);
	cdb_schema_release(&w);
	cdb_schema_release(&got);
}

struct rows {
	char text[512];
};

static int collect(void *ctx, int n, const char *const *values)
{
	struct rows *r = ctx;

	for (int i = 0; i < n; i++)
		snprintf(r->text + strlen(r->text), sizeof(r->text) - strlen(r->text), "%s|",
		         values[i] ? values[i] : "NULL");
	return 0;
}

Test(diff, rebuild_round_trip_keeps_rows)
{
	struct cdb_db *db;
	struct cdb_schema a, b;
	struct cdb_diff d;
	struct cdb_buf up = CDB_BUF_INIT, down = CDB_BUF_INIT;
	struct rows before = { "" }, after = { "" };
	const char *probe = "SELECT p.id, p.user_id, p.title, p.body, u.name FROM posts p JOIN users u"
	                    " ON u.id = p.user_id ORDER BY p.id";

	schema_of(&a, round_a);
	schema_of(&b, round_b);
	cr_assert_eq(cdb_diff_compute(&d, &a, &b, NULL), 0);
	cr_assert_eq(cdb_sqlite_dialect.render(&up, &down, &d), 0, "%s", cdb_error_message());
	cr_assert(strstr(up.ptr, "CREATE TABLE \"_cdb_new_posts\""), "%s", up.ptr);
	cr_assert(strstr(up.ptr, "DROP VIEW \"titles\""), "%s", up.ptr);
	cr_assert(strstr(up.ptr, "DROP TRIGGER \"posts_touch\""), "%s", up.ptr);

	cr_assert_eq(cdb_db_open(&db, "sqlite://", NULL), 0);
	cr_assert_eq(db->vt->exec(db, round_a, NULL), 0);
	cr_assert_eq(db->vt->exec(db, "INSERT INTO users VALUES (1, 'ann'), (2, 'bob');"
	                              "INSERT INTO posts (id, user_id, title, body, legacy) VALUES"
	                              " (10, 1, 'hello', 'x', 'old'), (11, 2, 'bye', '', NULL);", NULL), 0);
	cr_assert_eq(db->vt->query(db, probe, NULL, 0, collect, &before), 0);

	cr_assert_eq(db->vt->exec(db, up.ptr, NULL), 0, "%s\n%s", cdb_error_message(), up.ptr);
	assert_schema(db, round_b);
	cr_assert_eq(db->vt->query(db, probe, NULL, 0, collect, &after), 0);
	cr_assert_str_eq(after.text, before.text);

	cr_assert_eq(db->vt->exec(db, down.ptr, NULL), 0, "%s\n%s", cdb_error_message(), down.ptr);
	assert_schema(db, round_a);
	after.text[0] = 0;
	cr_assert_eq(db->vt->query(db, probe, NULL, 0, collect, &after), 0);
	cr_assert_str_eq(after.text, before.text);

	cdb_db_close(db);
	cdb_buf_release(&up);
	cdb_buf_release(&down);
	cdb_diff_release(&d);
	cdb_schema_release(&a);
	cdb_schema_release(&b);
}

Test(diff, describe_lines)
{
	struct cdb_schema a, b;
	struct cdb_diff d;

	schema_of(&a, "CREATE TABLE t (id INTEGER PRIMARY KEY, n SMALLINT);");
	schema_of(&b, "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER NOT NULL DEFAULT 0);"
	              "CREATE INDEX ix_t_n ON t (n);");
	cr_assert_eq(cdb_diff_compute(&d, &a, &b, NULL), 0);
	cr_assert_eq(d.nops, 2);
	cr_assert_str_eq(describe(&d.ops[0]), "alter column 't.n' (type, nullable, default)");
	cr_assert_str_eq(describe(&d.ops[1]), "create index 'ix_t_n' on 't'");
	cr_assert_not(d.ops[0].destructive, "SMALLINT -> INTEGER widens");
	cr_assert_not(d.inverse[1].destructive, "SQLite stores INTEGER and SMALLINT alike");
	cr_assert_str_eq(cdb_op_kind_name(d.ops[0].kind), "alter_column");
	cdb_diff_release(&d);
	cdb_schema_release(&a);
	cdb_schema_release(&b);
}

/* The ALTER_COLUMN op of column `name` in `d`'s upgrade (fails the test when absent). */
static const struct cdb_op *alter_of(const struct cdb_diff *d, const char *name)
{
	for (size_t i = 0; i < d->nops; i++)
		if (d->ops[i].kind == CDB_OP_ALTER_COLUMN && !strcmp(d->ops[i].to_column->name, name))
			return &d->ops[i];
	cr_assert_fail("no alter of column %s", name);
	return NULL;
}

Test(diff, sqlite_type_changes_follow_affinity)
{
	struct cdb_schema a, b;
	struct cdb_diff d;

	schema_of(&a, "CREATE TABLE t (id INTEGER PRIMARY KEY, big BIGINT, i INTEGER, u UNSIGNED BIG INT,"
	              " txt TEXT, r REAL, n NUMERIC, v VARCHAR(40), blob_to BLOB, i2 INT, d DOUBLE);");
	schema_of(&b, "CREATE TABLE t (id INTEGER PRIMARY KEY, big INT, i SMALLINT, u TINYINT,"
	              " txt INTEGER, r INTEGER, n INT, v VARCHAR(10), blob_to TEXT, i2 BLOB, d INT8);");
	cr_assert_eq(cdb_diff_compute(&d, &a, &b, NULL), 0);
	cr_assert_not(alter_of(&d, "big")->destructive, "BIGINT -> INT keeps INTEGER affinity");
	cr_assert_not(alter_of(&d, "i")->destructive, "INTEGER -> SMALLINT keeps INTEGER affinity");
	cr_assert_not(alter_of(&d, "u")->destructive, "UNSIGNED BIG INT -> TINYINT keeps INTEGER affinity");
	cr_assert_not(alter_of(&d, "n")->destructive, "NUMERIC and INTEGER store values alike");
	cr_assert_not(alter_of(&d, "v")->destructive, "SQLite does not enforce VARCHAR lengths");
	cr_assert_not(alter_of(&d, "i2")->destructive, "BLOB affinity converts nothing");
	cr_assert(alter_of(&d, "txt")->destructive, "TEXT -> INTEGER converts text");
	cr_assert(alter_of(&d, "r")->destructive, "REAL -> INTEGER converts reals");
	cr_assert(alter_of(&d, "d")->destructive, "DOUBLE (REAL) -> INT8 (INTEGER) converts reals");
	cr_assert(alter_of(&d, "blob_to")->destructive, "BLOB -> TEXT converts numbers");
	cr_assert_str_eq(alter_of(&d, "txt")->reason, "changes column 't.txt' from TEXT to INTEGER, which may "
	                                              "truncate or fail to convert values");
	cr_assert_eq(d.ndestructive, 4);
	/* the downgrade follows the same rule: INTEGER -> TEXT converts, INT -> BIGINT does not */
	for (size_t i = 0; i < d.ninverse; i++) {
		const struct cdb_op *op = &d.inverse[i];

		if (op->kind != CDB_OP_ALTER_COLUMN)
			continue;
		if (!strcmp(op->to_column->name, "big") || !strcmp(op->to_column->name, "i"))
			cr_assert_not(op->destructive, "%s", op->to_column->name);
		if (!strcmp(op->to_column->name, "txt") || !strcmp(op->to_column->name, "r"))
			cr_assert(op->destructive, "%s", op->to_column->name);
	}
	cdb_diff_release(&d);
	cdb_schema_release(&a);
	cdb_schema_release(&b);
}

/* The index of the first op of `kind` on trigger `name` in ops[0..n), or n when there is none. */
static size_t trigger_op_at(const struct cdb_op *ops, size_t n, enum cdb_op_kind kind, const char *name)
{
	for (size_t i = 0; i < n; i++) {
		const struct cdb_trigger *t = kind == CDB_OP_DROP_TRIGGER ? ops[i].from_trigger : ops[i].to_trigger;

		if (ops[i].kind == kind && t && !strcmp(t->name, name))
			return i;
	}
	return n;
}

static const char *const audit_a =
	"CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance INTEGER NOT NULL DEFAULT 0);\n"
	"CREATE TABLE audit_log (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL, delta INTEGER);\n"
	"CREATE TABLE audit_log_old (id INTEGER PRIMARY KEY, note TEXT);\n"
	/* names the rebuilt table quoted, in another table's trigger */
	"CREATE TRIGGER accounts_audit AFTER UPDATE OF balance ON accounts BEGIN"
	" INSERT INTO \"Audit_Log\" (account_id, delta) VALUES (NEW.id, NEW.balance - OLD.balance); END;\n"
	/* names it only inside a string and as part of a longer name: not a dependent */
	"CREATE TRIGGER accounts_note AFTER DELETE ON accounts BEGIN"
	" INSERT INTO audit_log_old (note) VALUES ('audit_log row gone'); END;\n";

static const char *const audit_b =
	"CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance INTEGER NOT NULL DEFAULT 0);\n"
	"CREATE TABLE audit_log (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL, delta INTEGER,"
	" CHECK (account_id > 0));\n"
	"CREATE TABLE audit_log_old (id INTEGER PRIMARY KEY, note TEXT);\n"
	"CREATE TRIGGER accounts_audit AFTER UPDATE OF balance ON accounts BEGIN"
	" INSERT INTO \"Audit_Log\" (account_id, delta) VALUES (NEW.id, NEW.balance - OLD.balance); END;\n"
	"CREATE TRIGGER accounts_note AFTER DELETE ON accounts BEGIN"
	" INSERT INTO audit_log_old (note) VALUES ('audit_log row gone'); END;\n";

Test(diff, trigger_naming_rebuilt_table_is_recreated)
{
	struct cdb_schema a, b;
	struct cdb_diff d;
	struct cdb_db *db;
	size_t drop, create, add = 0;

	schema_of(&a, audit_a);
	schema_of(&b, audit_b);
	cr_assert_eq(cdb_diff_compute(&d, &a, &b, NULL), 0);
	cr_assert_eq(d.nchanges, 1, "only the CHECK is a change");
	for (size_t i = 0; i < d.nops; i++)
		if (d.ops[i].kind == CDB_OP_ADD_CONSTRAINT)
			add = i;
	drop = trigger_op_at(d.ops, d.nops, CDB_OP_DROP_TRIGGER, "accounts_audit");
	create = trigger_op_at(d.ops, d.nops, CDB_OP_CREATE_TRIGGER, "accounts_audit");
	cr_assert_lt(drop, add, "the trigger is dropped before audit_log is rebuilt");
	cr_assert_lt(add, create, "and re-created after");
	cr_assert(create < d.nops && d.ops[drop].dependent && d.ops[create].dependent);
	cr_assert_eq(trigger_op_at(d.ops, d.nops, CDB_OP_DROP_TRIGGER, "accounts_note"), d.nops,
	             "a string or a longer name holding the table's name is no reference");
	cr_assert_lt(trigger_op_at(d.inverse, d.ninverse, CDB_OP_DROP_TRIGGER, "accounts_audit"), d.ninverse);

	/* and the rendered revision runs, both ways, on a real database with rows */
	cr_assert_eq(cdb_db_open(&db, "sqlite://", NULL), 0, "%s", cdb_error_message());
	cr_assert_eq(db->vt->exec(db, audit_a, NULL), 0, "%s", cdb_error_message());
	cr_assert_eq(db->vt->exec(db, "INSERT INTO accounts VALUES (1, 10); UPDATE accounts SET balance = 15;",
	                          NULL), 0, "%s", cdb_error_message());
	{
		struct cdb_buf up = CDB_BUF_INIT, down = CDB_BUF_INIT;
		struct rows r = { "" };

		cr_assert_eq(cdb_sqlite_dialect.render(&up, &down, &d), 0, "%s", cdb_error_message());
		cr_assert_eq(db->vt->exec(db, up.ptr, NULL), 0, "%s\n%s", cdb_error_message(), up.ptr);
		assert_schema(db, audit_b);
		cr_assert_eq(db->vt->exec(db, "UPDATE accounts SET balance = 20;", NULL), 0, "%s",
		             cdb_error_message());
		cr_assert_eq(db->vt->exec(db, down.ptr, NULL), 0, "%s\n%s", cdb_error_message(), down.ptr);
		assert_schema(db, audit_a);
		cr_assert_eq(db->vt->query(db, "SELECT account_id, delta FROM audit_log ORDER BY id", NULL, 0,
		                           collect, &r), 0, "%s", cdb_error_message());
		cr_assert_str_eq(r.text, "1|5|1|5|", "the trigger fires after the upgrade; rows survive");
		cdb_buf_release(&up);
		cdb_buf_release(&down);
	}
	cdb_db_close(db);
	cdb_diff_release(&d);
	cdb_schema_release(&a);
	cdb_schema_release(&b);
}

Test(diff, index_follows_column_rename)
{
	struct cdb_schema a, b;
	struct cdb_diff d;
	struct cdb_rename_hints h;

	schema_of(&a, "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, \"b c\" INT, aa TEXT);"
	              "CREATE INDEX ix_t_a ON t (a);"
	              "CREATE UNIQUE INDEX ux_t_lower ON t (lower(a), \"b c\" DESC) WHERE a <> 'a';"
	              "CREATE INDEX ix_t_aa ON t (aa COLLATE NOCASE);");
	schema_of(&b, "CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT, y INT, aa TEXT);"
	              "CREATE INDEX ix_t_a ON t (x);"
	              "CREATE UNIQUE INDEX ux_t_lower ON t (lower(x), y DESC) WHERE x <> 'a';"
	              "CREATE INDEX ix_t_aa ON t (aa COLLATE NOCASE);");
	cdb_rename_hints_init(&h);
	cr_assert_eq(cdb_rename_hints_scan(&h, "m.sql", "-- cdb: rename column t.a to x\n"
	                                                "-- cdb: rename column t.\"b c\" to y\n"), 0);
	cr_assert_eq(cdb_diff_compute(&d, &a, &b, &h), 0);
	cr_assert_eq(d.nops, 2, "two renames, no index op (first: %s)", describe(&d.ops[0]));
	cr_assert_eq(count(&d, CDB_OP_RENAME_COLUMN), 2);
	cr_assert_eq(d.ninverse, 2);
	cdb_diff_release(&d);

	/* a key that differs beyond the rename is still a changed index */
	cdb_schema_release(&b);
	schema_of(&b, "CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT, y INT, aa TEXT);"
	              "CREATE INDEX ix_t_a ON t (x DESC);"
	              "CREATE UNIQUE INDEX ux_t_lower ON t (lower(x), y DESC) WHERE x <> 'x';"
	              "CREATE INDEX ix_t_aa ON t (aa COLLATE NOCASE);");
	cr_assert_eq(cdb_diff_compute(&d, &a, &b, &h), 0);
	cr_assert_eq(count(&d, CDB_OP_DROP_INDEX), 2);
	cr_assert_eq(count(&d, CDB_OP_CREATE_INDEX), 2);
	cdb_diff_release(&d);
	cdb_rename_hints_release(&h);
	cdb_schema_release(&a);
	cdb_schema_release(&b);
}
