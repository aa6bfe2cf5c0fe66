/* options.c - one option parser for every command, global options included */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "cli.h"

void cli_strlist_release(struct cli_strlist *l)
{
	free(l->items);
	l->items = NULL;
	l->n = l->cap = 0;
}

static bool help_flag;

/* The global options, accepted before and after the command name. */
static const char *color_arg, *format_arg;
static const struct cli_option *global_options(struct cdb_cli *cli)
{
	static struct cli_option g[8];

	g[0] = (struct cli_option){ 'c', "config", CLI_OPT_STRING, &cli->config_file };
	g[1] = (struct cli_option){ 'd', "database", CLI_OPT_STRING, &cli->database_url };
	g[2] = (struct cli_option){ 'q', "quiet", CLI_OPT_FLAG, &cli->quiet };
	g[3] = (struct cli_option){ 'v', "verbose", CLI_OPT_FLAG, &cli->verbose };
	g[4] = (struct cli_option){ 0, "color", CLI_OPT_STRING, &color_arg };
	g[5] = (struct cli_option){ 0, "format", CLI_OPT_STRING, &format_arg };
	g[6] = (struct cli_option){ 'h', "help", CLI_OPT_FLAG, &help_flag };
	g[7] = (struct cli_option){ 0, NULL, 0, NULL };
	return g;
}

static const struct cli_option *find_long(const struct cli_option *opts, const char *name, size_t len)
{
	for (; opts && (opts->shortname || opts->longname); opts++)
		if (opts->longname && strlen(opts->longname) == len && strncmp(opts->longname, name, len) == 0)
			return opts;
	return NULL;
}

static const struct cli_option *find_short(const struct cli_option *opts, char c)
{
	for (; opts && (opts->shortname || opts->longname); opts++)
		if (opts->shortname == c)
			return opts;
	return NULL;
}

static void store(const struct cli_option *o, const char *arg)
{
	switch (o->type) {
	case CLI_OPT_FLAG:
		*(bool *)o->value = true;
		break;
	case CLI_OPT_STRING:
		*(const char **)o->value = arg;
		break;
	case CLI_OPT_LIST: {
		struct cli_strlist *l = o->value;
		size_t cap = (size_t)l->cap;
		XGROW(l->items, cap, (size_t)l->n + 1);
		l->cap = (int)cap;
		l->items[l->n++] = arg;
		break;
	}
	}
}

/* Check --color/--format values and apply them; false after printing a usage error. */
static bool apply_globals(struct cdb_cli *cli, int *exit_code)
{
	if (color_arg) {
		if (strcmp(color_arg, "auto") == 0)
			cli->color_mode = CLI_COLOR_AUTO;
		else if (strcmp(color_arg, "always") == 0)
			cli->color_mode = CLI_COLOR_ALWAYS;
		else if (strcmp(color_arg, "never") == 0)
			cli->color_mode = CLI_COLOR_NEVER;
		else {
			*exit_code = cli_usage_error(cli, "invalid --color value '%s' (auto, always or never)", color_arg);
			return false;
		}
		color_arg = NULL;
	}
	if (format_arg) {
		if (strcmp(format_arg, "text") == 0)
			cli->format = CLI_FORMAT_TEXT;
		else if (strcmp(format_arg, "json") == 0)
			cli->format = CLI_FORMAT_JSON;
		else {
			*exit_code = cli_usage_error(cli, "invalid --format value '%s' (text or json)", format_arg);
			return false;
		}
		format_arg = NULL;
	}
	return true;
}

bool cli_parse(struct cdb_cli *cli, const struct cli_option *opts, int argc, char **argv,
               int *npos, char ***pos, int *exit_code)
{
	const struct cli_option *globals = global_options(cli);
	char **out = xcalloc((size_t)argc + 1, sizeof *out);
	int n = 0;
	bool only_args = false;

	help_flag = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const struct cli_option *o;

		if (only_args || a[0] != '-' || a[1] == '\0' || isdigit((unsigned char)a[1])) {
			out[n++] = argv[i];
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_args = true;
			continue;
		}
		if (a[1] == '-') {
			const char *name = a + 2, *eq = strchr(name, '=');
			size_t len = eq ? (size_t)(eq - name) : strlen(name);
			const char *arg = eq ? eq + 1 : NULL;

			o = find_long(opts, name, len);
			if (!o)
				o = find_long(globals, name, len);
			if (!o) {
				*exit_code = cli_usage_error(cli, "unknown option '--%.*s'", (int)len, name);
				goto fail;
			}
			if (o->type == CLI_OPT_FLAG && arg) {
				*exit_code = cli_usage_error(cli, "option '--%s' takes no value", o->longname);
				goto fail;
			}
			if (o->type != CLI_OPT_FLAG && !arg) {
				if (i + 1 >= argc) {
					*exit_code = cli_usage_error(cli, "option '--%s' needs a value", o->longname);
					goto fail;
				}
				arg = argv[++i];
			}
			store(o, arg);
			continue;
		}
		/* Bundled short options: -qv, -mMSG, -m MSG. */
		for (const char *p = a + 1; *p; p++) {
			o = find_short(opts, *p);
			if (!o)
				o = find_short(globals, *p);
			if (!o) {
				*exit_code = cli_usage_error(cli, "unknown option '-%c'", *p);
				goto fail;
			}
			if (o->type == CLI_OPT_FLAG) {
				store(o, NULL);
				continue;
			}
			if (p[1]) {
				store(o, p + 1);
			} else if (i + 1 < argc) {
				store(o, argv[++i]);
			} else {
				*exit_code = cli_usage_error(cli, "option '-%c' needs a value", *p);
				goto fail;
			}
			break;
		}
	}
	if (!apply_globals(cli, exit_code))
		goto fail;
	cli_decide_color(cli);
	if (help_flag) {
		cli_print_help(stdout, cli->cmd);
		*exit_code = CDB_EXIT_OK;
		goto fail;
	}
	if (cli->format == CLI_FORMAT_JSON && !(cli->cmd->needs & CLI_JSON)) {
		*exit_code = cli_usage_error(cli, "'cdb %s' has no JSON output", cli->cmd->name);
		goto fail;
	}
	*npos = n;
	*pos = out;
	return true;
fail:
	free(out);
	return false;
}

int cli_parse_globals(struct cdb_cli *cli, int argc, char **argv, int *exit_code, bool *help)
{
	const struct cli_option *globals = global_options(cli);
	int i;

	help_flag = false;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const struct cli_option *o;

		if (a[0] != '-' || a[1] == '\0')
			break;
		if (strcmp(a, "--") == 0) {
			i++;
			break;
		}
		if (strcmp(a, "--version") == 0) {
			*help = false;
			return -2;
		}
		if (a[1] == '-') {
			const char *name = a + 2, *eq = strchr(name, '=');
			size_t len = eq ? (size_t)(eq - name) : strlen(name);
			const char *arg = eq ? eq + 1 : NULL;

			o = find_long(globals, name, len);
			if (!o) {
				*exit_code = cli_usage_error(cli, "unknown option '--%.*s'", (int)len, name);
				return -1;
			}
			if (o->type == CLI_OPT_FLAG && arg) {
				*exit_code = cli_usage_error(cli, "option '--%s' takes no value", o->longname);
				return -1;
			}
			if (o->type != CLI_OPT_FLAG && !arg) {
				if (i + 1 >= argc) {
					*exit_code = cli_usage_error(cli, "option '--%s' needs a value", o->longname);
					return -1;
				}
				arg = argv[++i];
			}
			store(o, arg);
			continue;
		}
		for (const char *p = a + 1; *p; p++) {
			o = find_short(globals, *p);
			if (!o) {
				*exit_code = cli_usage_error(cli, "unknown option '-%c'", *p);
				return -1;
			}
			if (o->type == CLI_OPT_FLAG) {
				store(o, NULL);
				continue;
			}
			if (p[1])
				store(o, p + 1);
			else if (i + 1 < argc)
				store(o, argv[++i]);
			else {
				*exit_code = cli_usage_error(cli, "option '-%c' needs a value", *p);
				return -1;
			}
			break;
		}
	}
	if (!apply_globals(cli, exit_code))
		return -1;
	*help = help_flag;
	return i;
}
