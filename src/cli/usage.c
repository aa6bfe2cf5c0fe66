/* usage.c - help text and "did you mean" for mistyped commands */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cdb/alloc.h"
#include "cli.h"

void cli_print_help(FILE *out, const struct cli_command *cmd)
{
	fprintf(out, "%s\n\n%s\n", cmd->usage, cmd->summary);
	if (cmd->options)
		fprintf(out, "\noptions:\n%s", cmd->options);
	fprintf(out, "\nglobal options:\n%s", cli_global_options);
}

void cli_print_overview(FILE *out)
{
	fprintf(out, "%s\n\ncdb migrates the schema of SQLite and PostgreSQL databases.\n\ncommands:\n",
	        cli_global_usage);
	for (const struct cli_command *c = cli_commands; c->name; c++)
		fprintf(out, "  %-10s %s\n", c->name, c->summary);
	fprintf(out, "\nglobal options:\n%s\nSee 'cdb help COMMAND' for one command's options.\n",
	        cli_global_options);
}

/* Optimal string alignment distance: a swap of two letters costs one, as in git's help. */
static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t *d = xcalloc((la + 1) * (lb + 1), sizeof *d);
	size_t result;

#define D(i, j) d[(i) * (lb + 1) + (j)]
	for (size_t i = 0; i <= la; i++)
		D(i, 0) = i;
	for (size_t j = 0; j <= lb; j++)
		D(0, j) = j;
	for (size_t i = 1; i <= la; i++) {
		for (size_t j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t best = D(i - 1, j) + 1;
			if (D(i, j - 1) + 1 < best)
				best = D(i, j - 1) + 1;
			if (D(i - 1, j - 1) + cost < best)
				best = D(i - 1, j - 1) + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    D(i - 2, j - 2) + 1 < best)
				best = D(i - 2, j - 2) + 1;
			D(i, j) = best;
		}
	}
	result = D(la, lb);
#undef D
	free(d);
	return result;
}

const char *cli_suggest_command(const char *name)
{
	const char *best = NULL;
	size_t best_d = (size_t)-1;

	for (const struct cli_command *c = cli_commands; c->name; c++) {
		size_t d = edit_distance(name, c->name);
		/* A prefix is a likely truncation ("upg" for "upgrade"). */
		if (strlen(name) >= 3 && strncmp(c->name, name, strlen(name)) == 0)
			d = 1;
		if (d < best_d) {
			best_d = d;
			best = c->name;
		}
	}
	/* Farther than a third of the word is a different word, not a typo. */
	if (best && best_d <= 2 && best_d * 3 <= strlen(name) + 2)
		return best;
	return NULL;
}
