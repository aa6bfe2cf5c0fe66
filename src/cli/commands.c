/*
 * commands.c - the table of commands (see the checklist in cli.h)
 *
 * One flat table sorted by name, like git's: what each command needs
 * before it runs, and the usage line that `cdb help CMD`, `cdb CMD --help`
 * and the man page SYNOPSIS all show.
 */
#include <string.h>

#include "cli.h"

#define GLOBAL_OPTIONS \
	"  -c, --config FILE     use FILE instead of the nearest cdb.ini\n" \
	"  -d, --database URL    database URL (overrides CDB_DATABASE_URL and cdb.ini)\n" \
	"  -q, --quiet           no progress lines\n" \
	"  -v, --verbose         echo each SQL statement on stderr\n" \
	"      --color=WHEN      auto, always or never\n" \
	"      --format=FMT      text or json\n" \
	"  -h, --help            show this help\n"

const struct cli_command cli_commands[] = {
	{ "branches", cmd_branches, CLI_NEEDS_CONFIG | CLI_JSON,
	  "usage: cdb branches [-v]",
	  "show branch points",
	  "  -v, --verbose         show each revision in full\n" },
	{ "check", cmd_check, CLI_NEEDS_CONFIG | CLI_JSON,
	  "usage: cdb check [--scratch] [--roundtrip] [--base REF]",
	  "check graph, database and models for CI (exit 1 on findings)",
	  "      --scratch         replay the revisions into a scratch database\n"
	  "      --roundtrip       also downgrade to base and upgrade again\n"
	  "      --base REF        compare the revisions with git REF\n" },
	{ "current", cmd_current, CLI_NEEDS_CONFIG | CLI_NEEDS_DB | CLI_JSON,
	  "usage: cdb current [-v]",
	  "show the revision(s) the database is at",
	  "  -v, --verbose         show each revision in full\n" },
	{ "diff", cmd_diff, CLI_NEEDS_CONFIG | CLI_NEEDS_DB,
	  "usage: cdb diff",
	  "print the SQL that migrate would write",
	  NULL },
	{ "downgrade", cmd_downgrade, CLI_NEEDS_CONFIG | CLI_NEEDS_DB,
	  "usage: cdb downgrade [--sql] [TARGET]",
	  "revert revisions (default target: -1)",
	  "      --sql             print the SQL (TARGET is FROM:TO), change nothing\n" },
	{ "heads", cmd_heads, CLI_NEEDS_CONFIG | CLI_JSON,
	  "usage: cdb heads [-v] [--ids]",
	  "show the head revisions",
	  "  -v, --verbose         show each revision in full\n"
	  "      --ids             print the ids only, one per line\n" },
	{ "help", cmd_help, CLI_NEEDS_NOTHING,
	  "usage: cdb help [COMMAND]",
	  "show help for cdb or a command",
	  NULL },
	{ "history", cmd_history, CLI_NEEDS_CONFIG | CLI_JSON,
	  "usage: cdb history [-r RANGE] [-v] [-i] [--ids]",
	  "list revisions, newest first",
	  "  -r, --rev-range A:B   only revisions from A to B\n"
	  "  -v, --verbose         show each revision in full\n"
	  "  -i, --indicate-current  mark the revision(s) the database is at\n"
	  "      --ids             print the ids only, one per line\n" },
	{ "init", cmd_init, CLI_NEEDS_NOTHING,
	  "usage: cdb init [--database URL] [DIR]",
	  "create cdb.ini, models/ and migrations/ in DIR",
	  "      --database URL    database_url written into cdb.ini\n" },
	{ "merge", cmd_merge, CLI_NEEDS_CONFIG,
	  "usage: cdb merge -m MSG [--rev-id ID] [--branch-label LABEL] REV...",
	  "write a revision that merges heads",
	  "  -m, --message MSG     message of the merge revision\n"
	  "      --rev-id ID       use ID instead of a random one\n"
	  "      --branch-label LABEL  label the merge revision\n" },
	{ "migrate", cmd_migrate, CLI_NEEDS_CONFIG | CLI_NEEDS_DB,
	  "usage: cdb migrate -m MSG [--empty] [--rev-id ID] [--check]",
	  "write a revision from the difference between models and database",
	  "  -m, --message MSG     message of the new revision\n"
	  "      --empty           write an empty revision even without changes\n"
	  "      --rev-id ID       use ID instead of a random one\n"
	  "      --check           write nothing; exit 1 if a revision is needed\n" },
	{ "rebase", cmd_rebase, CLI_NEEDS_CONFIG,
	  "usage: cdb rebase [--onto REF]",
	  "move this branch's new revisions on top of another branch's head",
	  "      --onto REF        the git ref to rebase onto\n" },
	{ "revision", cmd_revision, CLI_NEEDS_CONFIG,
	  "usage: cdb revision -m MSG [--head REV] [--rev-id ID] [--branch-label LABEL] [--depends-on REV]",
	  "write a new empty revision",
	  "  -m, --message MSG     message of the new revision\n"
	  "      --head REV        parent revision (default: the single head; base: a new root)\n"
	  "      --rev-id ID       use ID instead of a random one\n"
	  "      --branch-label LABEL  label the new revision\n"
	  "      --depends-on REV  also depend on REV (repeatable)\n" },
	{ "show", cmd_show, CLI_NEEDS_CONFIG | CLI_JSON,
	  "usage: cdb show REV",
	  "show one revision",
	  NULL },
	{ "stamp", cmd_stamp, CLI_NEEDS_CONFIG | CLI_NEEDS_DB,
	  "usage: cdb stamp [--sql] [--purge] REV...",
	  "set the database's revision without running any SQL",
	  "      --sql             print the SQL, change nothing\n"
	  "      --purge           empty the version table first\n" },
	{ "upgrade", cmd_upgrade, CLI_NEEDS_CONFIG | CLI_NEEDS_DB,
	  "usage: cdb upgrade [--sql] [TARGET]",
	  "apply revisions (default target: head)",
	  "      --sql             print the SQL (TARGET may be FROM:TO), change nothing\n" },
	{ "version", cmd_version, CLI_NEEDS_NOTHING,
	  "usage: cdb version",
	  "show the version of cdb",
	  NULL },
	{ NULL, NULL, 0, NULL, NULL, NULL },
};

const char cli_global_usage[] =
	"usage: cdb [-c FILE] [-d URL] [-q] [-v] [--color=WHEN] [--format=FMT] COMMAND [ARGS]";
const char cli_global_options[] = GLOBAL_OPTIONS;

const struct cli_command *cli_command_find(const char *name)
{
	for (const struct cli_command *c = cli_commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}
