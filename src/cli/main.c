/*
 * main.c - the cdb command: global options, dispatch, and the checks a
 * command must not forget (stdout flushed and written, database closed)
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cdb/log.h"
#include "cdb/path.h"
#include "cli.h"

struct cdb_cli *cli_current;

static void log_handler(enum cdb_log_level level, const char *msg, void *ctx)
{
	struct cdb_cli *cli = ctx;

	switch (level) {
	case CDB_LOG_SQL:
		if (cli->verbose) {
			fflush(stdout);
			fprintf(stderr, "%s%s%s\n", cli_color(cli->color_err, CLI_SGR_CYAN), msg,
			        cli_color(cli->color_err, CLI_SGR_RESET));
		}
		break;
	case CDB_LOG_PROGRESS:
	case CDB_LOG_INFO:
		if (!cli->quiet) {
			fputs(msg, stdout);
			fputc('\n', stdout);
			/* Progress is worth seeing as it happens, not at exit. */
			fflush(stdout);
		}
		break;
	case CDB_LOG_WARNING:
		cli_warn(cli, "%s", msg);
		break;
	}
}

int cli_config(struct cdb_cli *cli, const struct cdb_config **out)
{
	int rc;

	if (!cli->cfg_loaded) {
		rc = cdb_config_load(&cli->cfg, cli->config_file, cli->database_url);
		if (rc < 0)
			return rc;
		cli->cfg_loaded = true;
	}
	*out = &cli->cfg;
	return 0;
}

/*
 * A relative SQLite path from cdb.ini (or the default) is relative to the
 * directory holding cdb.ini; from -d or the environment, to the cwd.
 */
static const char *url_base(const struct cdb_config *cfg)
{
	const char *src = cfg->database_url_source;

	if (src && (strcmp(src, "cdb.ini") == 0 || strcmp(src, "default") == 0))
		return cfg->dir;
	return NULL;
}

int cli_db(struct cdb_cli *cli, bool create, struct cdb_db **out)
{
	const struct cdb_config *cfg;
	struct cdb_url url;
	int rc;

	if (cli->db) {
		*out = cli->db;
		return 0;
	}
	rc = cli_config(cli, &cfg);
	if (rc < 0)
		return rc;
	/*
	 * cdb_url_parse() resolves a relative SQLite path the same way the
	 * config did; only the commands that write may create a missing file,
	 * so a mistyped URL never leaves an empty database behind.
	 */
	rc = cdb_url_parse(&url, cfg->database_url, url_base(cfg));
	if (rc < 0)
		return rc;
	if (url.kind == CDB_URL_SQLITE && url.path && !create && access(url.path, F_OK) != 0) {
		char *masked = cdb_url_mask(cfg->database_url);
		rc = cdb_error_set(CDB_ENOTFOUND, "database file '%s' does not exist",
		                   cdb_path_display(url.path));
		cdb_error_hint("the database URL is '%s' (from %s)", masked, cfg->database_url_source);
		cdb_error_hint("'cdb migrate -m MSG' creates it (and writes the first revision), as does 'cdb upgrade'");
		free(masked);
		cdb_url_release(&url);
		return rc;
	}
	cdb_url_release(&url);
	rc = cdb_db_open(&cli->db, cfg->database_url, cfg);
	if (rc < 0)
		return rc;
	cli->db->echo = cli->verbose;
	*out = cli->db;
	return 0;
}

/* git's run_builtin: a full disk or a closed stdout is an error, not silence. */
static int finish_stdout(int status)
{
	struct stat st;

	if (fstat(STDOUT_FILENO, &st) != 0)
		return status;
	/* A reader that went away (cdb history | head) is not our failure. */
	if (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)) {
		fflush(stdout);
		return status;
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "cdb: error: cannot write to standard output: %s\n", strerror(errno));
		return CDB_EXIT_ERROR;
	}
	return status;
}

int main(int argc, char **argv)
{
	struct cdb_cli cli = { 0 };
	const struct cli_command *cmd;
	int status = CDB_EXIT_OK, first;
	bool help = false;

	cli_current = &cli;
	cdb_log_set_handler(log_handler, &cli);
	first = cli_parse_globals(&cli, argc, argv, &status, &help);
	cli_decide_color(&cli);
	if (first == -1)
		return status;
	if (first == -2) {
		printf("cdb %s\n", CDB_VERSION);
		return finish_stdout(CDB_EXIT_OK);
	}
	if (first >= argc) {
		if (help) {
			cli_print_overview(stdout);
			return finish_stdout(CDB_EXIT_OK);
		}
		cli_print_overview(stderr);
		return CDB_EXIT_USAGE;
	}
	cmd = cli_command_find(argv[first]);
	if (!cmd) {
		const char *guess = cli_suggest_command(argv[first]);

		cdb_error_set(CDB_EUSAGE, "unknown command '%s'", argv[first]);
		if (guess)
			cdb_error_hint("did you mean '%s'?", guess);
		else
			cdb_error_hint("'cdb help' lists the commands");
		return cli_fail(CDB_EUSAGE);
	}
	cli.cmd = cmd;
	if (help) {
		cli_print_help(stdout, cmd);
		return finish_stdout(CDB_EXIT_OK);
	}
	/*
	 * A reader that goes away (cdb upgrade | head -1) must not kill a
	 * migration half-way: commands that write get EPIPE instead of SIGPIPE.
	 */
	if (cmd->needs & CLI_NEEDS_DB)
		signal(SIGPIPE, SIG_IGN);
	status = cmd->fn(argc - first, argv + first, &cli);
	if (cli.db)
		cdb_db_close(cli.db);
	if (cli.cfg_loaded)
		cdb_config_release(&cli.cfg);
	cdb_error_clear();
	return finish_stdout(status);
}
