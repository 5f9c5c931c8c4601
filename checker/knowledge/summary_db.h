/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The summary database: what the functions of other files do, kept in
 * SQLite by "ladder db" (or "ladder scan --db") and read by any run given
 * --db=FILE.  Two kinds of record, each a JSON object whose fields
 * summary.c writes and reads (the storage does not look inside):
 *
 *   functions(name, file, facts)  what a function with external linkage
 *                                 does, as its own file's summary says;
 *   callers(callee, file, facts)  what the functions of a file that
 *                                 call @callee, defined elsewhere, clean.
 *
 * A file's rows are replaced whole when it is summarised again.  A name
 * defined by two files (two drivers' static-free helpers both called
 * foo_init()) answers nothing: which one a call reaches is the linker's
 * choice, not the database's.
 */
#ifndef LADDER_SUMMARY_DB_H
#define LADDER_SUMMARY_DB_H

#include <stdbool.h>
#include <jansson.h>

struct summary_db;

/*
 * Open @path; @write creates it (and its tables) if needed.  NULL with a
 * one-line message in *@err (the caller frees) when it cannot be used.
 */
struct summary_db *summary_db_open(const char *path, bool write, char **err);
void summary_db_close(struct summary_db *db);

/* @name's facts (a new reference), or NULL: unknown or ambiguous. */
json_t *summary_db_function(struct summary_db *db, const char *name);
/* What callers in other files than @file do after @callee: a new array. */
json_t *summary_db_callers(struct summary_db *db, const char *callee,
			   const char *file);

/*
 * Start a run of summarising: the files it writes are marked as this
 * run's, the ones a merge takes from this database when it is a shard.
 */
bool summary_db_start_run(struct summary_db *db, char **err);

/*
 * Replace what @file said: summary_db_begin_file(), the puts, then
 * summary_db_end_file() (one transaction), which says in *@changed
 * whether the file's records differ from what it said before (the
 * passes of "ladder db" stop when no file's do).  False with *@err set
 * if the database refused.
 */
bool summary_db_begin_file(struct summary_db *db, const char *file, char **err);
bool summary_db_put_function(struct summary_db *db, const char *name,
			     json_t *facts, char **err);
bool summary_db_put_callers(struct summary_db *db, const char *callee,
			    json_t *facts, char **err);
bool summary_db_end_file(struct summary_db *db, bool *changed, char **err);
/* Or drop what was put since summary_db_begin_file(). */
void summary_db_abort_file(struct summary_db *db);

/* Add the rows of the database @path (a shard's) to @db, file by file. */
bool summary_db_merge(struct summary_db *db, const char *path, char **err);

/*
 * What this process did with the database, for ladder scan's passes:
 * {"read": {question: digest of the rows that answered it}, "file":
 * the file it wrote, "rows": their digest}.  A new reference.
 */
json_t *summary_db_activity(const struct summary_db *db);
/* Would every question of @activity get the same rows now? */
bool summary_db_answers_same(struct summary_db *db, const json_t *activity);
/*
 * The files whose rows answer the questions of @activity (the definers
 * of the functions it asked about, the callers of its own), as the
 * keys of a new JSON object.
 */
json_t *summary_db_sources(struct summary_db *db, const json_t *activity);
/* Does the database still hold the rows @activity wrote for its file? */
bool summary_db_holds_written(struct summary_db *db, const json_t *activity);
/*
 * A digest of what the database at @path holds (each file's rows'
 * digest), which the file's bytes are not: SQLite rewrites pages when
 * rows are replaced by the same rows.  False if it cannot be read.
 */
bool summary_db_content(const char *path, unsigned long *digest);

/* How many functions and files it holds, for messages. */
void summary_db_counts(struct summary_db *db, long *functions, long *files);

#endif
