/*
 * cli.h - what every command of the cdb tool shares
 *
 * Adding a command (keep this checklist in step with the code):
 *   1. src/cli/cmd_<name>.c with `int cmd_<name>(int argc, char **argv, struct cdb_cli *cli)`
 *      in the usual order: option table, parse, validate, call the library,
 *      print, clean up, return an exit code (enum cdb_exit);
 *   2. its declaration below and the file in src/cli/meson.build;
 *   3. one row in the sorted table of src/cli/commands.c, with its usage
 *      line and one-line summary (the usage line is the man page SYNOPSIS);
 *   4. man/cdb-<name>.1.scd and a line in man/cdb.1.scd;
 *   5. the command and its options in completions/ (bash, zsh, fish);
 *   6. tests/integration/<name>.sh, registered in tests/integration/meson.build.
 *
 * Only src/cli/ prints or exits. The library reports failures through
 * include/cdb/error.h; a command turns them into output with cli_fail().
 */
#ifndef CDB_CLI_H
#define CDB_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "cdb/config.h"
#include "cdb/dialect.h"
#include "cdb/error.h"

enum cli_color_mode {
	CLI_COLOR_AUTO,
	CLI_COLOR_ALWAYS,
	CLI_COLOR_NEVER,
};

enum cli_format {
	CLI_FORMAT_TEXT,
	CLI_FORMAT_JSON,
};

/* What a command needs before it runs (flags of the command table). */
enum cli_needs {
	CLI_NEEDS_NOTHING = 0,
	CLI_NEEDS_CONFIG = 1 << 0, /* reads cdb.ini (loaded lazily by cli_config()) */
	CLI_NEEDS_DB = 1 << 1,     /* connects to the database (cli_db()) */
	CLI_JSON = 1 << 2,         /* accepts --format=json */
};

/* The parsed global options and the lazily loaded configuration and database. */
struct cdb_cli {
	const char *config_file;   /* -c/--config, NULL: discover cdb.ini */
	const char *database_url;  /* -d/--database, NULL: from the environment or cdb.ini */
	bool quiet;                /* -q: no progress lines */
	bool verbose;              /* -v given as a global option: echo SQL on stderr */
	enum cli_color_mode color_mode; /* --color */
	bool color_out;            /* colour on stdout (decided once from color_mode) */
	bool color_err;            /* colour on stderr */
	enum cli_format format;    /* --format */
	const struct cli_command *cmd; /* the command being run */

	struct cdb_config cfg;     /* valid when cfg_loaded */
	bool cfg_loaded;
	struct cdb_db *db;         /* NULL until cli_db() opened it; closed by main */
};

typedef int (*cli_cmd_fn)(int argc, char **argv, struct cdb_cli *cli);

struct cli_command {
	const char *name;    /* as typed */
	cli_cmd_fn fn;       /* entry point */
	unsigned needs;      /* enum cli_needs bits */
	const char *usage;   /* "usage: cdb ..." line, exactly as in the man page */
	const char *summary; /* one line for `cdb help` */
	const char *options; /* option lines for `cdb CMD --help`, NULL: none */
};

/* The sorted command table (commands.c), ended by a NULL name. */
extern const struct cli_command cli_commands[];
/* The global usage line and the global option lines (commands.c). */
extern const char cli_global_usage[];
extern const char cli_global_options[];
const struct cli_command *cli_command_find(const char *name);

/* --- options ------------------------------------------------------------ */

enum cli_opt_type {
	CLI_OPT_FLAG,   /* bool *: set to true */
	CLI_OPT_STRING, /* const char **: the argument (last one wins) */
	CLI_OPT_LIST,   /* struct cli_strlist *: every occurrence appended */
};

struct cli_strlist {
	const char **items; /* malloc'ed array of borrowed argv strings */
	int n, cap;
};
void cli_strlist_release(struct cli_strlist *l);

struct cli_option {
	char shortname;        /* 0: none */
	const char *longname;  /* NULL: none */
	enum cli_opt_type type;
	void *value;           /* see enum cli_opt_type */
};

/*
 * Parse a command's arguments (argv[0] is the command name). Options of
 * `opts` (ended by an all-zero entry) come first; the global options are
 * also accepted here, after the command. "-N" with a digit is an argument
 * (a relative target), not an option; "--" ends the options. Positional
 * arguments are gathered, in order, into `*pos` (a malloc'ed array of argv
 * strings, NULL-terminated; free() it) and counted in `*npos`.
 * Returns true to go on; false when the command must return `*exit_code`
 * now (--help printed: 0; usage error printed: 64).
 */
bool cli_parse(struct cdb_cli *cli, const struct cli_option *opts, int argc, char **argv,
               int *npos, char ***pos, int *exit_code);

/*
 * main.c only: parse the global options before the command name. Returns
 * the index of the command name (argc: none), -1 after a usage error
 * (`*exit_code` set), -2 for --version; `*help` is set for -h/--help.
 */
int cli_parse_globals(struct cdb_cli *cli, int argc, char **argv, int *exit_code, bool *help);

/* Decide cli->color_out/color_err from the --color mode and the environment. */
void cli_decide_color(struct cdb_cli *cli);

/* --- configuration and database ---------------------------------------- */

/* The configuration, loaded on first use. 0 or a CDB_E* code (message set). */
int cli_config(struct cdb_cli *cli, const struct cdb_config **out);

/*
 * The database, opened on first use. `create`: a missing SQLite file is
 * created (commands that write: upgrade, stamp); otherwise a missing file
 * is CDB_ENOTFOUND, so read-only commands never leave an empty file behind.
 */
int cli_db(struct cdb_cli *cli, bool create, struct cdb_db **out);

/* --- output ------------------------------------------------------------- */

/* The one cdb_cli of this process (main.c), so errors know the colour settings. */
extern struct cdb_cli *cli_current;

/*
 * Print the current library error as "cdb: error: <message>" with its
 * detail: and hint: lines on stderr; returns the exit code for `code`
 * (64 for CDB_EUSAGE, otherwise 2).
 */
int cli_fail(int code);

/* Print "cdb: error: <message>" (+ the command's usage line) and return 64. */
int cli_usage_error(const struct cdb_cli *cli, const char *fmt, ...) CDB_PRINTF(2, 3);

/* "cdb: warning: <message>" on stderr. */
void cli_warn(const struct cdb_cli *cli, const char *fmt, ...) CDB_PRINTF(2, 3);

/* Print `cmd`'s usage line, summary and options to `out`. */
void cli_print_help(FILE *out, const struct cli_command *cmd);
/* The general help: global usage and the list of commands. */
void cli_print_overview(FILE *out);

/*
 * Whether to colour a stream: a pure function of the --color mode, the
 * NO_COLOR and TERM variables (NULL when unset) and whether the stream is a
 * terminal, so it can be tested. NO_COLOR counts only when non-empty.
 */
bool cli_want_color(enum cli_color_mode mode, const char *no_color, const char *term, bool isatty);

/* ANSI sequences, or "" when colour is off. */
const char *cli_color(bool on, const char *sgr);
#define CLI_SGR_RESET "0"
#define CLI_SGR_BOLD "1"
#define CLI_SGR_RED "31"
#define CLI_SGR_GREEN "32"
#define CLI_SGR_YELLOW "33"
#define CLI_SGR_CYAN "36"

/* The closest command name to `name` by edit distance, NULL if none is close. */
const char *cli_suggest_command(const char *name);

/* --- commands ----------------------------------------------------------- */

int cmd_branches(int argc, char **argv, struct cdb_cli *cli);
int cmd_check(int argc, char **argv, struct cdb_cli *cli);
int cmd_current(int argc, char **argv, struct cdb_cli *cli);
int cmd_diff(int argc, char **argv, struct cdb_cli *cli);
int cmd_downgrade(int argc, char **argv, struct cdb_cli *cli);
int cmd_heads(int argc, char **argv, struct cdb_cli *cli);
int cmd_help(int argc, char **argv, struct cdb_cli *cli);
int cmd_history(int argc, char **argv, struct cdb_cli *cli);
int cmd_init(int argc, char **argv, struct cdb_cli *cli);
int cmd_merge(int argc, char **argv, struct cdb_cli *cli);
int cmd_migrate(int argc, char **argv, struct cdb_cli *cli);
int cmd_rebase(int argc, char **argv, struct cdb_cli *cli);
int cmd_revision(int argc, char **argv, struct cdb_cli *cli);
int cmd_show(int argc, char **argv, struct cdb_cli *cli);
int cmd_stamp(int argc, char **argv, struct cdb_cli *cli);
int cmd_upgrade(int argc, char **argv, struct cdb_cli *cli);
int cmd_version(int argc, char **argv, struct cdb_cli *cli);

#endif
