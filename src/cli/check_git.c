/* check_git.c - checksums, --base, --scratch and --roundtrip for cdb check (see check_git.h) */
#include "check_git.h"

#include <stdio.h>

#include <jansson.h>

#include "cdb/dialect.h"
#include "cdb/path.h"
#include "revfmt.h"

int cli_check_git(struct cdb_cli *cli, struct cdb_findings *out, struct cdb_graph *g,
                  struct cdb_db *db, const struct cli_check_flags *f, bool scratch_models)
{
	const struct cdb_config *cfg;
	const struct cdb_dialect *d;
	struct cdb_db *server = NULL;
	int rc;

	if ((rc = cli_config(cli, &cfg)) < 0)
		return rc;
	if (g && db && (rc = cdb_check_checksums(out, db, g)) < 0)
		return rc;
	/* --base reads files, not the graph: it also explains a broken one (a deleted parent). */
	if (f->base && (rc = cdb_check_base(out, cfg, f->base)) < 0)
		return rc;
	if (!g || (!f->scratch && !f->roundtrip))
		return 0;
	if ((rc = cli_dialect(cli, &d)) < 0)
		return rc;
	if (d->scratch_needs_server) {
		server = db;
		if (!server && (rc = cli_db(cli, false, &server)) < 0)
			return rc;
	}
	{
		struct cdb_scratch_opts o = { .models = scratch_models, .roundtrip = f->roundtrip };
		bool quiet = cli->quiet;

		/* The replay's progress lines are not the check's output (nor valid JSON). */
		cli->quiet = true;
		rc = cdb_check_scratch(out, d, server, cfg, g, &o);
		cli->quiet = quiet;
		return rc;
	}
}

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

int cli_print_findings(struct cdb_cli *cli, const struct cdb_findings *fs)
{
	size_t i, k;

	if (cli->format == CLI_FORMAT_JSON) {
		json_t *arr = json_array(), *doc = json_object();

		for (i = 0; i < fs->n; i++) {
			const struct cdb_finding *f = &fs->items[i];
			json_t *o = json_object(), *det = json_array();

			json_object_set_new(o, "kind", json_string(f->kind));
			json_object_set_new(o, "revision", str_or_null(f->revision));
			json_object_set_new(o, "file", str_or_null(f->file));
			json_object_set_new(o, "message", json_string(f->message));
			for (k = 0; k < f->ndetails; k++)
				json_array_append_new(det, json_string(f->details[k]));
			json_object_set_new(o, "details", det);
			json_array_append_new(arr, o);
		}
		json_object_set_new(doc, "ok", json_boolean(fs->n == 0));
		json_object_set_new(doc, "findings", arr);
		return cli_print_json(doc);
	}
	for (i = 0; i < fs->n; i++) {
		const struct cdb_finding *f = &fs->items[i];

		printf("%s%s:%s %s\n", cli_color(cli->color_out, CLI_SGR_YELLOW), f->kind,
		       cli_color(cli->color_out, CLI_SGR_RESET), f->message);
		if (f->file)
			printf("    file: %s\n", cdb_path_display(f->file));
		for (k = 0; k < f->ndetails; k++)
			printf("    %s\n", f->details[k]);
	}
	if (!cli->quiet) {
		if (fs->n == 0)
			printf("check: ok\n");
		else
			printf("check: %zu finding%s\n", fs->n, fs->n == 1 ? "" : "s");
	}
	return 0;
}
