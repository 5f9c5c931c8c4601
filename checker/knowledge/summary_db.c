// SPDX-License-Identifier: GPL-2.0
/*
 * summary_db.c - the summary database's storage, in SQLite.
 *
 * Rows are keyed by the file that said them, so summarising a file again
 * replaces what it said, and shards of a scan, each summarising its own
 * files, merge by file.  Several "ladder db" processes may write one
 * database at once: SQLite's locks serialise their transactions, each a
 * file's rows, and a writer waits for another's rather than failing.
 */
#include "summary_db.h"
#include "util.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* What a database must say it is; a newer layout gets a new number. */
#define DB_SCHEMA	"ladder-summaries 2"
#define DB_BUSY_MS	120000

static const char schema_sql[] =
	"CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);"
	"CREATE TABLE IF NOT EXISTS files(file TEXT PRIMARY KEY, digest TEXT NOT NULL,"
	" run TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS functions(name TEXT NOT NULL, file TEXT NOT NULL,"
	" facts TEXT NOT NULL, PRIMARY KEY(name, file));"
	"CREATE TABLE IF NOT EXISTS callers(callee TEXT NOT NULL, file TEXT NOT NULL,"
	" facts TEXT NOT NULL);"
	"CREATE INDEX IF NOT EXISTS functions_by_file ON functions(file);"
	"CREATE INDEX IF NOT EXISTS callers_by_callee ON callers(callee);"
	"CREATE INDEX IF NOT EXISTS callers_by_file ON callers(file);"
	"INSERT OR IGNORE INTO meta VALUES('schema', '" DB_SCHEMA "');";

enum stmt_id {
	ST_FUNCTION, ST_CALLERS, ST_OLD_DIGEST, ST_DROP_FUNCTIONS, ST_DROP_CALLERS,
	ST_PUT_FUNCTION, ST_PUT_CALLERS, ST_PUT_FILE, ST_CONTENT,
	ST_DEFINERS, ST_CALLER_FILES, ST_COUNT,
};

static const char *const stmt_sql[ST_COUNT] = {
	[ST_FUNCTION] = "SELECT facts FROM functions WHERE name = ?1 LIMIT 2",
	[ST_CALLERS] = "SELECT facts FROM callers WHERE callee = ?1 AND file <> ?2"
		       " ORDER BY file, facts",
	[ST_OLD_DIGEST] = "SELECT digest FROM files WHERE file = ?1",
	[ST_DROP_FUNCTIONS] = "DELETE FROM functions WHERE file = ?1",
	[ST_DROP_CALLERS] = "DELETE FROM callers WHERE file = ?1",
	[ST_PUT_FUNCTION] = "INSERT OR REPLACE INTO functions VALUES(?1, ?2, ?3)",
	[ST_PUT_CALLERS] = "INSERT INTO callers VALUES(?1, ?2, ?3)",
	[ST_PUT_FILE] = "INSERT OR REPLACE INTO files VALUES(?1, ?2, ?3)",
	[ST_CONTENT] = "SELECT file, digest FROM files ORDER BY file",
	[ST_DEFINERS] = "SELECT file FROM functions WHERE name = ?1 LIMIT 2",
	[ST_CALLER_FILES] = "SELECT DISTINCT file FROM callers WHERE callee = ?1"
			    " AND file <> ?2",
};

struct summary_db {
	sqlite3 *sql;
	char *path;
	sqlite3_stmt *stmt[ST_COUNT];
	char run[48];			/* this writer's: marks the files it wrote */
	char *file;			/* being replaced, between begin and end */
	char *old_digest;
	unsigned long digest;
	/*
	 * For ladder scan's passes: what this process read, each question
	 * with a digest of the rows that answered it, and the digest of
	 * the rows it wrote for its file.
	 */
	json_t *read;
	char written[32];
};

static bool failed(struct summary_db *db, const char *what, char **err)
{
	*err = xasprintf("%s: %s: %s", display_path(db->path), what,
			 sqlite3_errmsg(db->sql));
	return false;
}

static bool exec(struct summary_db *db, const char *sql, char **err)
{
	char *msg = NULL;

	if (sqlite3_exec(db->sql, sql, NULL, NULL, &msg) == SQLITE_OK)
		return true;
	*err = xasprintf("%s: %s", display_path(db->path), msg ? msg : "error");
	sqlite3_free(msg);
	return false;
}

/* A database another program (or another layout of ladder's) wrote is refused. */
static bool check_schema(struct summary_db *db, const char *alias, char **err)
{
	char *sql = xasprintf("SELECT value FROM %s.meta WHERE key = 'schema'", alias);
	sqlite3_stmt *st;
	bool ok = false;

	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW) {
		const char *value = (const char *)sqlite3_column_text(st, 0);

		ok = value && !strcmp(value, DB_SCHEMA);
	}
	sqlite3_finalize(st);
	free(sql);
	if (!ok)
		*err = xasprintf("%s: not a ladder summary database (want '%s')",
				 display_path(db->path), DB_SCHEMA);
	return ok;
}

static bool prepare_all(struct summary_db *db, char **err)
{
	unsigned i;

	for (i = 0; i < ST_COUNT; i++)
		if (sqlite3_prepare_v2(db->sql, stmt_sql[i], -1, &db->stmt[i],
				       NULL) != SQLITE_OK)
			return failed(db, "cannot prepare a query", err);
	return true;
}

bool summary_db_start_run(struct summary_db *db, char **err)
{
	struct timespec now;
	char *sql;
	bool ok;

	clock_gettime(CLOCK_REALTIME, &now);
	snprintf(db->run, sizeof(db->run), "%lld.%09ld.%d", (long long)now.tv_sec,
		 now.tv_nsec, (int)getpid());
	sql = sqlite3_mprintf("INSERT OR REPLACE INTO meta VALUES('run', %Q)", db->run);
	ok = exec(db, sql, err);
	sqlite3_free(sql);
	return ok;
}

struct summary_db *summary_db_open(const char *path, bool write, char **err)
{
	struct summary_db *db = xcalloc(1, sizeof(*db));
	int flags = write ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE :
			    SQLITE_OPEN_READONLY;

	db->path = xstrdup(path);
	db->read = json_object();
	if (sqlite3_open_v2(path, &db->sql, flags, NULL) != SQLITE_OK) {
		failed(db, "cannot open", err);
		summary_db_close(db);
		return NULL;
	}
	sqlite3_busy_timeout(db->sql, DB_BUSY_MS);
	if ((write && !exec(db, schema_sql, err)) ||
	    !check_schema(db, "main", err) || !prepare_all(db, err)) {
		summary_db_close(db);
		return NULL;
	}
	return db;
}

void summary_db_close(struct summary_db *db)
{
	unsigned i;

	if (!db)
		return;
	for (i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(db->stmt[i]);
	sqlite3_close(db->sql);
	json_decref(db->read);
	free(db->file);
	free(db->old_digest);
	free(db->path);
	free(db);
}

static sqlite3_stmt *bound(struct summary_db *db, enum stmt_id id,
			   const char *a, const char *b, const char *c)
{
	sqlite3_stmt *st = db->stmt[id];
	const char *values[] = { a, b, c };
	int i;

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	for (i = 0; i < 3 && i < sqlite3_bind_parameter_count(st); i++)
		sqlite3_bind_text(st, i + 1, values[i], -1, SQLITE_TRANSIENT);
	return st;
}

/* The question a read asks, as ladder scan keeps it: "f NAME", "c NAME FILE". */
static char *question(const char *kind, const char *name, const char *file)
{
	return file ? xasprintf("%s %s %s", kind, name, file) :
		      xasprintf("%s %s", kind, name);
}

static void note_read(struct summary_db *db, char *question, unsigned long rows)
{
	char hex[17];

	snprintf(hex, sizeof(hex), "%016lx", rows);
	json_object_set_new(db->read, question, json_string(hex));
	free(question);
}

/* Fold the row @st is on into @rows; its facts as JSON, or NULL. */
static json_t *take_row(sqlite3_stmt *st, unsigned long *rows)
{
	const char *text = (const char *)sqlite3_column_text(st, 0);

	if (!text)
		return NULL;
	*rows = hash_bytes(*rows, text, strlen(text) + 1);
	return json_loads(text, 0, NULL);
}

/*
 * The facts of @name's rows (two at most: two say nothing), and their
 * digest.  The digest is of the answer, not of the rows: two rows, or
 * one whose facts are empty ("{}", a function that does nothing its
 * callers see), answer as no row does, so a file that asked before
 * such a row was written is not analysed again for it.
 */
static json_t *function_rows(struct summary_db *db, const char *name,
			     unsigned long *rows)
{
	sqlite3_stmt *st = bound(db, ST_FUNCTION, name, NULL, NULL);
	json_t *facts = NULL, *second = NULL;
	unsigned long ignored = HASH_INIT;

	*rows = HASH_INIT;
	if (sqlite3_step(st) == SQLITE_ROW)
		facts = take_row(st, rows);
	if (facts && sqlite3_step(st) == SQLITE_ROW) {
		second = take_row(st, &ignored);
		json_decref(facts);		/* two definitions: ambiguous */
		json_decref(second);
		facts = NULL;
	}
	sqlite3_reset(st);
	if (facts && !json_object_size(facts)) {
		json_decref(facts);
		facts = NULL;
	}
	if (!facts)
		*rows = HASH_INIT;
	return facts;
}

static json_t *callers_rows(struct summary_db *db, const char *callee,
			    const char *file, unsigned long *rows)
{
	sqlite3_stmt *st = bound(db, ST_CALLERS, callee, file ? file : "", NULL);
	json_t *all = json_array(), *facts;

	*rows = HASH_INIT;
	while (sqlite3_step(st) == SQLITE_ROW)
		if ((facts = take_row(st, rows)))
			json_array_append_new(all, facts);
	sqlite3_reset(st);
	return all;
}

json_t *summary_db_function(struct summary_db *db, const char *name)
{
	unsigned long rows;
	json_t *facts = function_rows(db, name, &rows);

	note_read(db, question("f", name, NULL), rows);
	return facts;
}

json_t *summary_db_callers(struct summary_db *db, const char *callee,
			   const char *file)
{
	unsigned long rows;
	json_t *all = callers_rows(db, callee, file, &rows);

	note_read(db, question("c", callee, file ? file : ""), rows);
	return all;
}

/* Would @question, asked now, get the rows whose digest is @was? */
static bool same_answer(struct summary_db *db, const char *question,
			const char *was)
{
	char kind[2], *name = xstrdup(question + 2), *file = NULL, hex[17];
	unsigned long rows = HASH_INIT;

	snprintf(kind, sizeof(kind), "%s", question);
	if (kind[0] == 'c' && (file = strchr(name, ' ')))
		*file++ = '\0';
	if (kind[0] == 'f')
		json_decref(function_rows(db, name, &rows));
	else if (file)
		json_decref(callers_rows(db, name, file, &rows));
	free(name);
	snprintf(hex, sizeof(hex), "%016lx", rows);
	return !strcmp(hex, was);
}

bool summary_db_answers_same(struct summary_db *db, const json_t *activity)
{
	const json_t *read = json_object_get(activity, "read");
	const char *q;
	json_t *was;

	if (!json_is_object(read))
		return false;
	json_object_foreach((json_t *)read, q, was)
		if (!json_is_string(was) || strlen(q) < 3 ||
		    !same_answer(db, q, json_string_value(was)))
			return false;
	return true;
}

/* Add to @files the file of each row @st (one text column) gives. */
static void add_files(sqlite3_stmt *st, json_t *files)
{
	const char *file;

	while (sqlite3_step(st) == SQLITE_ROW)
		if ((file = (const char *)sqlite3_column_text(st, 0)))
			json_object_set_new(files, file, json_true());
	sqlite3_reset(st);
}

json_t *summary_db_sources(struct summary_db *db, const json_t *activity)
{
	const json_t *read = json_object_get(activity, "read");
	json_t *files = json_object(), *was;
	const char *q;

	json_object_foreach((json_t *)read, q, was) {
		char *name, *file;

		if (strlen(q) < 3)
			continue;
		name = xstrdup(q + 2);
		file = strchr(name, ' ');
		if (q[0] == 'f')
			add_files(bound(db, ST_DEFINERS, name, NULL, NULL), files);
		else if (q[0] == 'c' && file) {
			*file++ = '\0';
			add_files(bound(db, ST_CALLER_FILES, name, file, NULL), files);
		}
		free(name);
	}
	return files;
}

bool summary_db_holds_written(struct summary_db *db, const json_t *activity)
{
	const char *file = json_string_value(json_object_get(activity, "file"));
	const char *rows = json_string_value(json_object_get(activity, "rows"));
	sqlite3_stmt *st;
	bool same = false;

	if (!file || !rows)
		return false;
	st = bound(db, ST_OLD_DIGEST, file, NULL, NULL);
	if (sqlite3_step(st) == SQLITE_ROW)
		same = !strcmp((const char *)sqlite3_column_text(st, 0), rows);
	sqlite3_reset(st);
	return same;
}

static bool step_done(struct summary_db *db, sqlite3_stmt *st, const char *what,
		      char **err)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE || failed(db, what, err);
}

bool summary_db_begin_file(struct summary_db *db, const char *file, char **err)
{
	sqlite3_stmt *st;

	if (!exec(db, "BEGIN IMMEDIATE", err))
		return false;
	free(db->file);
	free(db->old_digest);
	db->file = xstrdup(file);
	db->old_digest = NULL;
	db->digest = HASH_INIT;
	st = bound(db, ST_OLD_DIGEST, file, NULL, NULL);
	if (sqlite3_step(st) == SQLITE_ROW)
		db->old_digest = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return step_done(db, bound(db, ST_DROP_FUNCTIONS, file, NULL, NULL),
			 "cannot replace a file's functions", err) &&
	       step_done(db, bound(db, ST_DROP_CALLERS, file, NULL, NULL),
			 "cannot replace a file's callers", err);
}

static bool put(struct summary_db *db, enum stmt_id id, const char *key,
		json_t *facts, char **err)
{
	char *text = json_dumps(facts, JSON_COMPACT | JSON_SORT_KEYS);
	bool ok;

	db->digest = hash_bytes(db->digest, key, strlen(key) + 1);
	db->digest = hash_bytes(db->digest, text, strlen(text));
	ok = step_done(db, bound(db, id, key, db->file, text),
		       "cannot store a summary", err);
	free(text);
	return ok;
}

bool summary_db_put_function(struct summary_db *db, const char *name,
			     json_t *facts, char **err)
{
	return put(db, ST_PUT_FUNCTION, name, facts, err);
}

bool summary_db_put_callers(struct summary_db *db, const char *callee,
			    json_t *facts, char **err)
{
	return put(db, ST_PUT_CALLERS, callee, facts, err);
}

bool summary_db_end_file(struct summary_db *db, bool *changed, char **err)
{
	char digest[32];

	snprintf(digest, sizeof(digest), "%016lx", db->digest);
	*changed = !db->old_digest || strcmp(db->old_digest, digest);
	snprintf(db->written, sizeof(db->written), "%s", digest);
	if (!step_done(db, bound(db, ST_PUT_FILE, db->file, digest, db->run),
		       "cannot record a file", err)) {
		exec(db, "ROLLBACK", err);
		return false;
	}
	return exec(db, "COMMIT", err);
}

void summary_db_abort_file(struct summary_db *db)
{
	sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
}

/*
 * A shard gives the files it summarised itself, those of its last run:
 * a shard started from a copy of the merged database holds the other
 * shards' files too, as they were.  A database no run wrote (a merge of
 * merges) gives all of its files.
 */
static const char merge_sql[] =
	"BEGIN IMMEDIATE;"
	"CREATE TEMP TABLE given AS SELECT file FROM shard.files"
	" WHERE run = (SELECT value FROM shard.meta WHERE key = 'run')"
	" OR NOT EXISTS (SELECT 1 FROM shard.meta WHERE key = 'run');"
	"DELETE FROM functions WHERE file IN (SELECT file FROM given);"
	"DELETE FROM callers WHERE file IN (SELECT file FROM given);"
	"INSERT OR REPLACE INTO files SELECT file, digest, run FROM shard.files"
	" WHERE file IN (SELECT file FROM given);"
	"INSERT OR REPLACE INTO functions SELECT name, file, facts FROM shard.functions"
	" WHERE file IN (SELECT file FROM given);"
	"INSERT INTO callers SELECT callee, file, facts FROM shard.callers"
	" WHERE file IN (SELECT file FROM given);"
	"DROP TABLE given;"
	"COMMIT;";

bool summary_db_merge(struct summary_db *db, const char *path, char **err)
{
	char *attach;
	bool ok;

	/* ATTACH would create a missing file, and merge nothing from it. */
	if (access(path, R_OK)) {
		*err = xasprintf("%s: %s", display_path(path), strerror(errno));
		return false;
	}
	attach = sqlite3_mprintf("ATTACH DATABASE %Q AS shard", path);
	ok = sqlite3_exec(db->sql, attach, NULL, NULL, NULL) == SQLITE_OK;
	sqlite3_free(attach);
	if (!ok) {
		*err = xasprintf("%s: cannot open: %s", display_path(path),
				 sqlite3_errmsg(db->sql));
		return false;
	}
	if (!check_schema(db, "shard", err)) {
		free(*err);
		*err = xasprintf("%s: not a ladder summary database (want '%s')",
				 display_path(path), DB_SCHEMA);
		ok = false;
	} else if (!exec(db, merge_sql, err)) {
		char *ignored = NULL;

		exec(db, "ROLLBACK", &ignored);
		free(ignored);
		ok = false;
	}
	sqlite3_exec(db->sql, "DETACH DATABASE shard", NULL, NULL, NULL);
	return ok;
}

static long count_of(struct summary_db *db, const char *sql)
{
	sqlite3_stmt *st;
	long n = 0;

	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

void summary_db_counts(struct summary_db *db, long *functions, long *files)
{
	*functions = count_of(db, "SELECT count(*) FROM functions");
	*files = count_of(db, "SELECT count(*) FROM files");
}

json_t *summary_db_activity(const struct summary_db *db)
{
	json_t *a = json_pack("{s:O}", "read", db->read);

	if (db->file && db->written[0]) {
		json_object_set_new(a, "file", json_string(db->file));
		json_object_set_new(a, "rows", json_string(db->written));
	}
	return a;
}

bool summary_db_content(const char *path, unsigned long *digest)
{
	char *err = NULL;
	struct summary_db *db = summary_db_open(path, false, &err);
	sqlite3_stmt *st;

	free(err);
	if (!db)
		return false;
	*digest = HASH_INIT;
	st = bound(db, ST_CONTENT, NULL, NULL, NULL);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *file = (const char *)sqlite3_column_text(st, 0);
		const char *d = (const char *)sqlite3_column_text(st, 1);

		*digest = hash_bytes(*digest, file, strlen(file) + 1);
		*digest = hash_bytes(*digest, d, strlen(d) + 1);
	}
	sqlite3_reset(st);
	summary_db_close(db);
	return true;
}
