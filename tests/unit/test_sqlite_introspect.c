/* test_sqlite_introspect.c - reading a real SQLite database into the schema model */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cdb/alloc.h"
#include "cdb/dialect.h"
#include "cdb/error.h"
#include "cdb/schema.h"

static struct cdb_db *db;
static struct cdb_schema s;

static void setup(void)
{
	cr_assert_eq(cdb_db_open(&db, "sqlite://", NULL), 0, "%s", cdb_error_message());
	cdb_schema_init(&s);
}

static void teardown(void)
{
	cdb_schema_release(&s);
	cdb_db_close(db);
}

TestSuite(sqlite_introspect, .init = setup, .fini = teardown);

static void load(const char *sql, const struct cdb_introspect_opts *o)
{
	cr_assert_eq(db->vt->exec(db, sql, NULL), 0, "%s", cdb_error_message());
	cr_assert_eq(db->vt->introspect(&s, db, o), 0, "%s", cdb_error_message());
	cr_assert(s.sqlite);
}

static const struct cdb_constraint *constraint(const struct cdb_table *t, enum cdb_constraint_kind k, int nth)
{
	for (size_t i = 0; i < t->nconstraints; i++)
		if (t->constraints[i].kind == k && nth-- == 0)
			return &t->constraints[i];
	return NULL;
}

Test(sqlite_introspect, columns_and_keys)
{
	const struct cdb_table *t;
	const struct cdb_column *c;
	const struct cdb_constraint *k;

	load("CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, email varchar ( 200 ) NOT NULL "
	     "UNIQUE COLLATE nocase, age INT DEFAULT 18 CHECK (age >= 0), "
	     "full_name TEXT GENERATED ALWAYS AS (email || '!') VIRTUAL);", NULL);
	cr_assert_eq(s.ntables, 1);
	t = cdb_schema_table(&s, NULL, "users");
	cr_assert_not_null(t);
	cr_assert_eq(t->ncolumns, 4);
	c = cdb_table_column(t, "id");
	cr_assert(c->notnull, "INTEGER PRIMARY KEY is never NULL");
	c = cdb_table_column(t, "email");
	cr_assert_str_eq(c->type, "VARCHAR(200)");
	cr_assert(c->notnull);
	cr_assert_str_eq(c->collation, "NOCASE");
	cr_assert(strstr(c->definition, "email varchar"));
	c = cdb_table_column(t, "age");
	cr_assert_str_eq(c->default_expr, "18");
	cr_assert_not(c->notnull);
	c = cdb_table_column(t, "full_name");
	cr_assert_str_eq(c->generated, "email || '!'");
	cr_assert_not(c->generated_stored);

	k = constraint(t, CDB_CON_PRIMARY, 0);
	cr_assert_not_null(k);
	cr_assert(k->autoincrement);
	cr_assert_eq(k->ncolumns, 1);
	cr_assert_str_eq(k->columns[0], "id");
	k = constraint(t, CDB_CON_UNIQUE, 0);
	cr_assert_not_null(k);
	cr_assert_str_eq(k->columns[0], "email");
	k = constraint(t, CDB_CON_CHECK, 0);
	cr_assert_not_null(k);
	cr_assert_str_eq(k->expr, "age >= 0");
}

Test(sqlite_introspect, table_constraints_and_foreign_keys)
{
	const struct cdb_table *t;
	const struct cdb_constraint *k;

	load("CREATE TABLE a (x INT, y INT, PRIMARY KEY (x, y)) WITHOUT ROWID;\n"
	     "CREATE TABLE b (id INTEGER NOT NULL, ax INT, ay INT, parent INT REFERENCES b,"
	     " CONSTRAINT pos CHECK (id > 0),"
	     " CONSTRAINT uq UNIQUE (ax, ay),"
	     " FOREIGN KEY (ax, ay) REFERENCES a (x, y) ON DELETE SET NULL ON UPDATE CASCADE"
	     " DEFERRABLE INITIALLY DEFERRED, PRIMARY KEY (id)) STRICT;", NULL);
	t = cdb_schema_table(&s, NULL, "a");
	cr_assert(t->without_rowid);
	cr_assert(cdb_table_column(t, "x")->notnull, "WITHOUT ROWID keys are NOT NULL");
	k = constraint(t, CDB_CON_PRIMARY, 0);
	cr_assert_eq(k->ncolumns, 2);
	cr_assert_str_eq(k->columns[1], "y");

	t = cdb_schema_table(&s, NULL, "b");
	cr_assert(t->strict);
	cr_assert_not(t->without_rowid);
	k = constraint(t, CDB_CON_CHECK, 0);
	cr_assert_str_eq(k->name, "pos");
	k = constraint(t, CDB_CON_UNIQUE, 0);
	cr_assert_str_eq(k->name, "uq");
	cr_assert_eq(k->ncolumns, 2);
	/* unnamed constraints are sorted by kind, then columns: (ax, ay) before (parent) */
	k = constraint(t, CDB_CON_FOREIGN, 1);
	cr_assert_null(k->name);
	cr_assert_str_eq(k->ref_table, "b");
	cr_assert_eq(k->nref_columns, 0);
	k = constraint(t, CDB_CON_FOREIGN, 0);
	cr_assert_str_eq(k->ref_table, "a");
	cr_assert_eq(k->nref_columns, 2);
	cr_assert_str_eq(k->on_delete, "SET NULL");
	cr_assert_str_eq(k->on_update, "CASCADE");
	cr_assert(k->deferrable);
	cr_assert(k->initially_deferred);
}

Test(sqlite_introspect, indexes_views_triggers)
{
	const struct cdb_index *ix;
	const struct cdb_view *v;

	load("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, email TEXT, deleted INT);\n"
	     "CREATE UNIQUE INDEX ux ON t (lower(email)) WHERE deleted IS NULL;\n"
	     "CREATE INDEX ix ON t (name COLLATE NOCASE DESC, email ASC);\n"
	     "CREATE VIEW v AS SELECT id, name FROM t;\n"
	     "CREATE VIEW w AS SELECT * FROM v;\n"
	     "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET deleted = NULL WHERE id = NEW.id; END;",
	     NULL);
	cr_assert_eq(s.nindexes, 2, "sqlite_autoindex_* is not an index of the model");
	ix = cdb_schema_index(&s, NULL, "ux");
	cr_assert(ix->unique);
	cr_assert(ix->partial);
	cr_assert_str_eq(ix->where, "deleted IS NULL");
	cr_assert_eq(ix->nkeys, 1);
	cr_assert_str_eq(ix->keys[0], "lower(email)");
	ix = cdb_schema_index(&s, NULL, "ix");
	cr_assert_not(ix->unique);
	cr_assert_eq(ix->nkeys, 2);
	cr_assert_str_eq(ix->keys[0], "name COLLATE NOCASE DESC");
	cr_assert_str_eq(ix->keys[1], "email", "ASC is the default order");
	cr_assert_str_eq(ix->table, "t");

	v = cdb_schema_view(&s, NULL, "v");
	cr_assert_eq(v->ndepends, 1);
	cr_assert_str_eq(v->depends[0], "t");
	v = cdb_schema_view(&s, NULL, "w");
	cr_assert_eq(v->ndepends, 1);
	cr_assert_str_eq(v->depends[0], "v");
	cr_assert_eq(s.ntriggers, 1);
	cr_assert_str_eq(s.triggers[0].table, "t");
	cr_assert(strstr(s.triggers[0].definition, "CREATE TRIGGER tr"));
}

Test(sqlite_introspect, skips_own_and_excluded_tables)
{
	struct cdb_introspect_opts o = { .exclude = "tmp_*, audit", .version_table = "cdb_version",
	                                 .history_table = "cdb_history" };

	load("CREATE TABLE cdb_version (version_num TEXT PRIMARY KEY);\n"
	     "CREATE TABLE cdb_history (id INTEGER PRIMARY KEY);\n"
	     "CREATE TABLE tmp_x (a INT);\nCREATE INDEX ix_tmp ON tmp_x (a);\n"
	     "CREATE TABLE audit (a INT);\n"
	     "CREATE TABLE kept (id INTEGER PRIMARY KEY AUTOINCREMENT);\n", &o);
	cr_assert_eq(s.ntables, 1, "sqlite_sequence, cdb's tables and excluded ones are skipped");
	cr_assert_str_eq(s.tables[0].name, "kept");
	cr_assert_eq(s.nindexes, 0);
}

Test(sqlite_introspect, load_models_reports_file_and_line)
{
	char dir[] = "/tmp/cdb-test-introspect-XXXXXX";
	char *good, *bad;
	const char *files[2];
	FILE *f;

	cr_assert_not_null(mkdtemp(dir));
	good = xasprintf("%s/a.sql", dir);
	bad = xasprintf("%s/b.sql", dir);
	f = fopen(good, "w");
	fputs("CREATE TABLE a (id INTEGER PRIMARY KEY);\n", f);
	fclose(f);
	f = fopen(bad, "w");
	fputs("-- first\n\nCREATE TABLE b (id INTEGER PRIMARY KEY);\nCREATE TABLE a (x);\n", f);
	fclose(f);
	files[0] = good;
	files[1] = bad;
	cr_assert_eq(db->vt->load_models(&s, db, NULL, files, 1, NULL), 0, "%s", cdb_error_message());
	cr_assert_eq(s.ntables, 1);
	cdb_schema_release(&s);
	cdb_schema_init(&s);
	cr_assert_eq(db->vt->load_models(&s, db, NULL, files, 2, NULL), CDB_EINVALID);
	cr_assert(strstr(cdb_error_message(), "b.sql:4"), "%s", cdb_error_message());
	cr_assert(strstr(cdb_error_message(), "already exists"), "%s", cdb_error_message());
	unlink(good);
	unlink(bad);
	rmdir(dir);
	free(good);
	free(bad);
}

Test(sqlite_introspect, exclude_globs)
{
	cr_assert(cdb_name_excluded("tmp_*,audit", "tmp_a"));
	cr_assert(cdb_name_excluded(" tmp_* , audit ", "audit"));
	cr_assert_not(cdb_name_excluded("tmp_*,audit", "audits"));
	cr_assert_not(cdb_name_excluded("", "x"));
	cr_assert_not(cdb_name_excluded(NULL, "x"));
}
