/*
 * runner.h - applying plans to a database (DESIGN §6)
 *
 * The runner owns cdb's two tables: the version table (`version_num` text
 * primary key, one row per current head) and the append-only history table
 * (one row per applied or unapplied step). It creates them when missing
 * with dialect->version_tables_sql, which must produce these columns (the
 * runner writes and reads them by name):
 *   <version_table> (version_num text NOT NULL PRIMARY KEY)
 *   <history_table> (id integer key assigned by the database in insertion
 *                    order, revision text NOT NULL, direction text NOT NULL
 *                    ('up'/'down'), checksum text, applied_at timestamp
 *                    NOT NULL, duration_ms integer NOT NULL, applied_by text,
 *                    cdb_version text)
 *
 * Each revision runs in its own transaction (cfg->transaction =
 * CDB_TX_PER_REVISION) together with its version-table change and history
 * row: dialect before_step, begin (takes the migration lock), re-read the
 * version table and re-plan (so a concurrent cdb's work is not redone),
 * the revision's SQL, the version rows, the history row,
 * check_constraints, commit, after_step. A failure rolls back, leaving the
 * database at the previous revision, and the error names the revision file
 * and the file line of the failing statement. `transaction: none`
 * revisions run outside a transaction, the migration lock held meanwhile
 * (lock_session). With
 * CDB_TX_ALL the whole run is one transaction.
 *
 * Progress: one cdb_log(CDB_LOG_PROGRESS) line per step,
 * "upgrade <from> -> <to>, <message> (<ms> ms)".
 */
#ifndef CDB_RUNNER_H
#define CDB_RUNNER_H

#include <stdbool.h>
#include <stddef.h>

#include "cdb/buf.h"
#include "cdb/config.h"
#include "cdb/dialect.h"
#include "cdb/graph.h"

/* A malloc'ed list of malloc'ed strings (version rows). */
struct cdb_strv {
	char **v;   /* strings, sorted */
	size_t n;   /* count */
	size_t cap; /* allocated slots */
};
#define CDB_STRV_INIT { NULL, 0, 0 }
void cdb_strv_push(struct cdb_strv *s, const char *str);
void cdb_strv_release(struct cdb_strv *s);

/*
 * Create the version and history tables when they do not exist
 * (dialect->version_tables_sql). Returns 0 or the dialect's error.
 */
int cdb_runner_ensure_tables(struct cdb_db *db);

/*
 * Read the version table into `out` (initialised; sorted ids). A database
 * without the version table has no rows (not an error, nothing created).
 */
int cdb_runner_current(struct cdb_strv *out, struct cdb_db *db);

/*
 * Upgrade or downgrade `db` to `target` (graph.h lists the forms) using
 * the revisions of `g`. Creates the tables when missing. *napplied (may be
 * NULL) receives the number of steps run by this process; 0 with a return
 * of 0 means the database was already there. Errors: planning errors (see
 * cdb_plan_build), CDB_ELOCKED, CDB_EDB for a failing statement
 * ("<file>:<line>: <server message>", the statement as a detail), a
 * version-table row that was not where expected (CDB_ERROR), revision file
 * I/O and parse errors (the body is read just before it runs).
 */
int cdb_runner_migrate(struct cdb_db *db, const struct cdb_graph *g, enum cdb_direction dir,
                       const char *target, size_t *napplied);

/*
 * --sql: append to `out` the whole script `cdb_runner_migrate` would run
 * from version rows `from` (nfrom ids; 0: an empty database), touching no
 * database: the table creation, then per revision BEGIN, its SQL, the
 * version-table statements, the history INSERT, COMMIT (no BEGIN/COMMIT
 * around `transaction: none` revisions; one pair around everything with
 * CDB_TX_ALL). Identifiers and literals are quoted by dialect `d`.
 */
int cdb_runner_script(struct cdb_buf *out, const struct cdb_dialect *d,
                      const struct cdb_config *cfg, const struct cdb_graph *g,
                      enum cdb_direction dir, const char *target,
                      const char *const *from, size_t nfrom);

/*
 * Set the version table to exactly the revisions named by `revs` (each
 * resolved with cdb_graph_lookup_set: ids, prefixes, labels, head, heads,
 * base) without running any revision SQL, in one locked transaction.
 * Without `purge`, every row must be known to the graph (an unknown one is
 * CDB_ENOTFOUND with the hint 'cdb stamp --purge REV'); with `purge` the
 * table is emptied first whatever it holds. Rows are normalised: a
 * revision that is an ancestor of another named one gets no row. Creates
 * the tables when missing.
 */
int cdb_runner_stamp(struct cdb_db *db, const struct cdb_graph *g, const char *const *revs,
                     size_t nrevs, bool purge);

/* stamp --sql: the statements cdb_runner_stamp would run from rows `from`. */
int cdb_runner_stamp_script(struct cdb_buf *out, const struct cdb_dialect *d,
                            const struct cdb_config *cfg, const struct cdb_graph *g,
                            const char *const *from, size_t nfrom,
                            const char *const *revs, size_t nrevs, bool purge);

/* One row of the history table. */
struct cdb_history_row {
	char *revision;   /* revision id */
	char *direction;  /* "up" or "down" */
	char *checksum;   /* git blob id of the file when it ran */
	char *applied_at; /* as the database prints it */
	char *duration_ms;/* decimal text */
	char *applied_by; /* user name */
	char *cdb_version;/* version of cdb that ran it */
};

/*
 * Read the history table in the order rows were added into `out` (a malloc'ed
 * array of `*n` rows; free with cdb_history_free). A missing table gives
 * no rows.
 */
int cdb_runner_history(struct cdb_history_row **out, size_t *n, struct cdb_db *db);
void cdb_history_free(struct cdb_history_row *rows, size_t n);

#endif
