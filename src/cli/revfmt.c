/* revfmt.c - loading the graph and printing revisions for the graph commands */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "cdb/path.h"
#include "gitinfo.h"
#include "revfmt.h"

int cli_graph(struct cdb_cli *cli, struct cdb_graph *g)
{
	const struct cdb_config *cfg;
	int rc;

	cdb_graph_init(g);
	rc = cli_config(cli, &cfg);
	if (rc < 0)
		return rc;
	cdb_graph_release(g);
	return cdb_graph_load(g, cfg->versions_dir);
}

int cli_current_rows(struct cdb_cli *cli, const struct cdb_graph *g, struct cdb_strv *out)
{
	struct cdb_db *db;
	int rc;

	memset(out, 0, sizeof *out);
	rc = cli_db(cli, false, &db);
	if (rc < 0)
		return rc;
	rc = cdb_runner_current(out, db);
	if (rc < 0)
		return rc;
	for (size_t i = 0; i < out->n; i++) {
		if (!cdb_graph_get(g, out->v[i])) {
			rc = cdb_error_set(CDB_ENOTFOUND, "the database is at revision '%s', which no revision file defines",
			                   out->v[i]);
			cdb_error_hint("a revision file was deleted, or the database was migrated from another branch");
			cdb_error_hint("'cdb stamp --purge REV' records the revision the database really is at");
			return rc;
		}
	}
	return 0;
}

bool cli_rows_contain(const struct cdb_strv *rows, const char *id)
{
	for (size_t i = 0; rows && i < rows->n; i++)
		if (strcmp(rows->v[i], id) == 0)
			return true;
	return false;
}

/* Refuse an id or label that the graph already uses (a later load would fail). */
int cli_check_unused(const struct cdb_graph *g, const char *id, const char *const *labels, size_t nlabels)
{
	struct cdb_revision *r;

	if (id && (r = cdb_graph_get(g, id))) {
		cdb_error_set(CDB_EEXISTS, "revision id '%s' is already used by '%s'", id,
		              cdb_path_display(r->file));
		return CDB_EEXISTS;
	}
	for (size_t i = 0; i < nlabels; i++) {
		for (size_t j = 0; j < g->nlabels; j++) {
			if (strcmp(g->labels[j].label, labels[i]) == 0) {
				cdb_error_set(CDB_EEXISTS, "branch label '%s' is already used by revision %s (%s)",
				              labels[i], g->labels[j].rev->id,
				              cdb_path_display(g->labels[j].rev->file));
				return CDB_EEXISTS;
			}
		}
		if (cdb_graph_get(g, labels[i])) {
			cdb_error_set(CDB_EEXISTS, "branch label '%s' is a revision id", labels[i]);
			return CDB_EEXISTS;
		}
	}
	return 0;
}

static void put_list(struct cdb_buf *out, char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			cdb_buf_puts(out, ", ");
		cdb_buf_puts(out, v[i]);
	}
}

static void put_down(struct cdb_buf *out, const struct cdb_revision *r)
{
	if (r->ndown == 0)
		cdb_buf_puts(out, "<base>");
	else
		put_list(out, r->down, r->ndown);
}

void cli_format_rev(struct cdb_buf *out, const struct cdb_revision *r, unsigned what)
{
	bool c = what & REVFMT_COLOR;
	const char *reset = cli_color(c, CLI_SGR_RESET);

	if (what & REVFMT_PARENTS) {
		put_down(out, r);
		if (r->ndepends) {
			cdb_buf_puts(out, " (");
			put_list(out, r->depends, r->ndepends);
			cdb_buf_putc(out, ')');
		}
		cdb_buf_puts(out, " -> ");
	}
	cdb_buf_printf(out, "%s%s%s", cli_color(c, CLI_SGR_YELLOW), r->id, reset);
	if ((what & REVFMT_LABELS) && r->nlabels) {
		cdb_buf_printf(out, " (%s", cli_color(c, CLI_SGR_CYAN));
		put_list(out, r->labels, r->nlabels);
		cdb_buf_printf(out, "%s)", reset);
	}
	if ((what & REVFMT_HEAD) && cdb_revision_is_head(r))
		cdb_buf_printf(out, " (%shead%s)", cli_color(c, CLI_SGR_BOLD ";" CLI_SGR_GREEN), reset);
	if (what & REVFMT_CURRENT)
		cdb_buf_printf(out, " (%scurrent%s)", cli_color(c, CLI_SGR_GREEN), reset);
	if (what & REVFMT_TREE) {
		if (cdb_revision_is_branch_point(r))
			cdb_buf_puts(out, " (branchpoint)");
		if (cdb_revision_is_merge(r))
			cdb_buf_puts(out, " (mergepoint)");
	}
	if (what & REVFMT_MESSAGE)
		cdb_buf_printf(out, ", %s", r->message ? r->message : "");
}

void cli_format_rev_verbose(struct cdb_buf *out, const struct cdb_revision *r, bool current)
{
	cli_format_rev_verbose_git(out, r, current, NULL);
}

void cli_format_rev_verbose_git(struct cdb_buf *out, const struct cdb_revision *r, bool current,
                                const struct cli_git_origins *o)
{
	cdb_buf_puts(out, "Rev: ");
	cli_format_rev(out, r, REVFMT_HEAD | REVFMT_TREE | (current ? REVFMT_CURRENT : 0));
	cdb_buf_puts(out, cdb_revision_is_merge(r) ? "\nMerges: " : "\nParent: ");
	put_down(out, r);
	cdb_buf_putc(out, '\n');
	if (r->ndepends) {
		cdb_buf_puts(out, "Also depends on: ");
		put_list(out, r->depends, r->ndepends);
		cdb_buf_putc(out, '\n');
	}
	if (cdb_revision_is_branch_point(r)) {
		cdb_buf_puts(out, "Branches into: ");
		for (size_t i = 0; i < r->nchildren; i++)
			cdb_buf_printf(out, "%s%s", i ? ", " : "", r->children[i]->id);
		cdb_buf_putc(out, '\n');
	}
	if (r->nlabels) {
		cdb_buf_puts(out, "Branch names: ");
		put_list(out, r->labels, r->nlabels);
		cdb_buf_putc(out, '\n');
	}
	if (r->author)
		cdb_buf_printf(out, "Author: %s\n", r->author);
	if (r->created)
		cdb_buf_printf(out, "Created: %s\n", r->created);
	cdb_buf_printf(out, "Path: %s\n", cdb_path_display(r->file));
	if (o)
		cli_git_origin_format(out, o, r);
	cdb_buf_printf(out, "\n    %s\n", r->message ? r->message : "");
}

static json_t *str_array(char *const *v, size_t n)
{
	json_t *a = json_array();

	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string(v[i]));
	return a;
}

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

json_t *cli_rev_json(const struct cdb_revision *r, bool current)
{
	json_t *o = json_object();

	json_object_set_new(o, "id", json_string(r->id));
	json_object_set_new(o, "down_revisions", str_array(r->down, r->ndown));
	json_object_set_new(o, "message", json_string(r->message ? r->message : ""));
	json_object_set_new(o, "branch_labels", str_array(r->labels, r->nlabels));
	json_object_set_new(o, "depends_on", str_array(r->depends, r->ndepends));
	json_object_set_new(o, "is_head", json_boolean(cdb_revision_is_head(r)));
	json_object_set_new(o, "is_branch_point", json_boolean(cdb_revision_is_branch_point(r)));
	json_object_set_new(o, "is_merge_point", json_boolean(cdb_revision_is_merge(r)));
	json_object_set_new(o, "is_current", json_boolean(current));
	json_object_set_new(o, "path", str_or_null(r->file));
	json_object_set_new(o, "author", str_or_null(r->author));
	json_object_set_new(o, "created", str_or_null(r->created));
	return o;
}

int cli_print_json(json_t *v)
{
	char *s = json_dumps(v, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENSURE_ASCII);

	json_decref(v);
	if (!s)
		return cdb_error_set(CDB_ERROR, "cannot format the JSON output");
	puts(s);
	free(s);
	return 0;
}

int cli_dialect(struct cdb_cli *cli, const struct cdb_dialect **out)
{
	const struct cdb_config *cfg;
	struct cdb_url u;
	int rc;

	rc = cli_config(cli, &cfg);
	if (rc < 0)
		return rc;
	rc = cdb_url_parse(&u, cfg->database_url, cfg->dir);
	if (rc < 0)
		return rc;
	*out = u.kind == CDB_URL_POSTGRES ? &cdb_postgres_dialect : &cdb_sqlite_dialect;
	cdb_url_release(&u);
	return 0;
}
