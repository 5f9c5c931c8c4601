// SPDX-License-Identifier: GPL-2.0
/*
 * scan.c - ladder scan: a whole tree from compile_commands.json.
 *
 * Each file is analysed by a child ladder process (this binary, with
 * --format=json --list-inputs), N at a time.  A child that crashes,
 * hangs past --tu-time-limit or cannot read its file costs that file,
 * never the scan: the summary names it and why.  Results are cached by
 * content (cache.c), so a rescan of an unchanged tree analyses nothing
 * and an interrupted scan resumes.  Findings are printed in the order of
 * the files, whatever -j, through the same report as a plain run, so
 * baselines, --diff and every format apply.
 *
 * With --db=F --db-update the scan runs both passes of the summary
 * database itself.  Each child analyses its file as usual, gives F its
 * file's summaries and says which names it read from F and whose rows
 * it changed; it also leaves the file's IR in the cache.  A file that
 * read a name whose rows another file then changed is analysed again,
 * from its IR, without parsing, until nothing changes (at most
 * --passes times).  Each file's findings are those of its last
 * analysis, which saw the database as it ends.
 *
 * ladder merge joins the --format=json outputs of several scans (the
 * shards of a tree split with --shard K/N) into one report.
 */
#include "scan.h"
#include "engine/models.h"
#include "checks/checks.h"
#include "cache.h"
#include "compdb.h"
#include "gate.h"
#include "summary_db.h"
#include "options.h"
#include "report.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

enum { SCAN_OK = 0, SCAN_INPUT = 2, SCAN_FAILED_FILES = 3, SCAN_INTERRUPTED = 130 };

struct scan_file {
	struct compile_job *job;
	json_t *result;		/* the child's --format=json document */
	char *failure;		/* why there is no result */
	bool cached;
	bool todo;		/* to be analysed in this pass */
	pid_t pid;		/* running child, or 0 */
	double started;
	char *out, *err;	/* the child's output files */
};

struct scan {
	const struct options *o;
	const char *self;	/* this binary */
	int (*entry)(int argc, char **argv);	/* its main(), run when forked */
	const char *rules_dir;
	struct cache *cache;
	struct scan_file *files;
	size_t nfiles, done, running, findings;
	double started;
	bool tty;
	char *tmpdir;
	/* --db-update: the passes, and where the files' IR is kept */
	bool db_update;
	unsigned pass;
	bool last_pass;		/* reads the database, writes nothing */
	char *ir_dir;
	bool ir_dir_temporary;	/* --no-cache: removed at the end */
	unsigned long salt_base;	/* the salt before the database's part */
	size_t *order;		/* a later pass's order of the files, or NULL */
};

static volatile sig_atomic_t interrupted;

static void on_interrupt(int sig)
{
	(void)sig;
	interrupted = 1;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- which files ---- */

static bool under(const char *file, const char *path)
{
	char abs[PATH_MAX];
	size_t n;

	if (!realpath(path, abs))
		return false;
	n = strlen(abs);
	return !strncmp(file, abs, n) && (file[n] == '\0' || file[n] == '/');
}

static bool wanted(const struct options *o, const char *file)
{
	int i;

	if (!o->nfiles)
		return true;
	for (i = 0; i < o->nfiles; i++)
		if (under(file, o->files[i]))
			return true;
	return false;
}

/*
 * The entries to scan, sorted by file; with --shard K/N the K-th of N
 * contiguous parts, so merging the shards in order gives one scan's
 * output.
 */
static void select_files(struct scan *sc, struct compile_job *jobs, int njobs)
{
	size_t n = 0, first, last, i;
	const struct options *o = sc->o;
	int k;

	compdb_sort(jobs, njobs);
	sc->files = xcalloc((size_t)njobs + 1, sizeof(*sc->files));
	for (k = 0; k < njobs; k++)
		if (wanted(o, jobs[k].file))
			sc->files[n++].job = &jobs[k];
	compdb_shard(n, o->shard, o->nshards, &first, &last);
	for (i = first; i < last; i++)
		sc->files[i - first] = sc->files[i];
	sc->nfiles = last - first;
}

/* ---- progress ---- */

static void progress(struct scan *sc, const struct scan_file *f)
{
	double spent = now() - sc->started;
	double eta = sc->done ? spent / (double)sc->done *
			       (double)(sc->nfiles - sc->done) : 0;

	if (sc->tty) {
		fprintf(stderr, "\r\033[K[%zu/%zu] %zu finding%s, ETA %dm%02ds",
			sc->done, sc->nfiles, sc->findings,
			sc->findings == 1 ? "" : "s", (int)eta / 60, (int)eta % 60);
		if (sc->done == sc->nfiles)
			fputc('\n', stderr);
	} else {
		fprintf(stderr, "ladder: %s[%zu/%zu] %s: %s\n",
			sc->pass > 1 ? "again: " : "", sc->done, sc->nfiles,
			display_path(f->job->file),
			f->failure ? f->failure : f->cached ? "cached" : "done");
	}
}

static void finished(struct scan *sc, struct scan_file *f)
{
	sc->done++;
	if (f->result)
		sc->findings += json_array_size(json_object_get(f->result, "findings"));
	progress(sc, f);
}

/* ---- children ---- */

static char **child_argv(const struct scan *sc, const struct scan_file *f)
{
	const struct options *o = sc->o;
	char **argv = xcalloc((size_t)f->job->nargs + 24, sizeof(*argv));
	char *model, *checks;
	int n = 0, i;

	argv[n++] = xstrdup(sc->self);
	argv[n++] = xstrdup("--format=json");
	argv[n++] = xstrdup("--list-inputs");
	argv[n++] = xasprintf("--rules=%s", sc->rules_dir);
	argv[n++] = xasprintf("--max-steps=%u", o->limits.max_steps);
	argv[n++] = xasprintf("--max-states=%u", o->limits.max_block_states);
	argv[n++] = xasprintf("--time-limit=%u", (unsigned)o->limits.max_seconds);
	if ((model = models_options()))
		argv[n++] = model;
	if (o->all_paths)
		argv[n++] = xstrdup("--all-paths");
	if (o->db)
		argv[n++] = xasprintf("--db=%s", o->db);
	if (sc->db_update && !sc->last_pass)
		argv[n++] = xstrdup("--db-update");
	if (sc->ir_dir)
		argv[n++] = xasprintf("--ir-cache=%s", sc->ir_dir);
	if ((checks = checks_option(true)))
		argv[n++] = checks;
	if ((checks = checks_option(false)))
		argv[n++] = checks;
	argv[n++] = xasprintf("--tu-time-limit=%g", o->tu_time_limit);
	argv[n++] = xasprintf("--output=%s", f->out);
	argv[n++] = xstrdup("--");
	for (i = 0; i < f->job->nargs; i++)
		argv[n++] = xstrdup(f->job->args[i]);
	argv[n++] = xstrdup(f->job->file);
	return argv;
}

static void free_argv(char **argv)
{
	char **a;

	for (a = argv; *a; a++)
		free(*a);
	free(argv);
}

/*
 * The child as a fork of this process that runs the entry point on its
 * arguments: what exec would do, less loading libclang and LLVM again
 * (a tenth of a second per file).  The scan itself holds no thread, no
 * open database and no parse, so a fork is a clean start.  It leaves
 * through _exit(): the parent's exit handlers are not its own.
 */
static pid_t fork_child(struct scan *sc, struct scan_file *f, char **argv)
{
	int argc = 0, out, err;
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid)
		return pid;
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	out = open("/dev/null", O_WRONLY);
	if (out < 0)
		_exit(127);
	err = open(f->err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (err < 0)
		_exit(127);
	/* The two extra descriptors live as long as the child: left open. */
	if (dup2(out, 1) < 0 || dup2(err, 2) < 0)
		_exit(127);
	while (argv[argc])
		argc++;
	argc = sc->entry(argc, argv);
	fflush(NULL);
	_exit(argc);
}

static bool start_child(struct scan *sc, struct scan_file *f, size_t index)
{
	posix_spawn_file_actions_t actions;
	char **argv;
	int rc = 0;

	/* A file analysed again in a later pass gets the same names. */
	free(f->out);
	free(f->err);
	f->out = xasprintf("%s/%zu.json", sc->tmpdir, index);
	f->err = xasprintf("%s/%zu.err", sc->tmpdir, index);
	argv = child_argv(sc, f);
	if (sc->entry) {
		f->pid = fork_child(sc, f, argv);
		if (f->pid < 0)
			rc = errno;
	} else {
		posix_spawn_file_actions_init(&actions);
		posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
		posix_spawn_file_actions_addopen(&actions, 2, f->err,
						 O_WRONLY | O_CREAT | O_TRUNC, 0644);
		rc = posix_spawn(&f->pid, sc->self, &actions, NULL, argv, environ);
		posix_spawn_file_actions_destroy(&actions);
	}
	free_argv(argv);
	if (rc) {
		f->failure = xasprintf("cannot start ladder: %s", strerror(rc));
		f->pid = 0;
		return false;
	}
	f->started = now();
	sc->running++;
	return true;
}

/*
 * Why the child failed: its last line of its own ("ladder: ..."), which
 * libclang's crash report or other noise may precede; else its first.
 */
static char *error_line(const char *path)
{
	char line[512], first[512] = "", own[512] = "";
	FILE *f = fopen(path, "r");

	while (f && fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		if (!first[0])
			snprintf(first, sizeof(first), "%s", line);
		if (!strncmp(line, "ladder: ", 8))
			snprintf(own, sizeof(own), "%s", line);
	}
	if (f)
		fclose(f);
	return xstrdup(own[0] ? own : first[0] ? first : "no message");
}

static void collect_child(struct scan *sc, struct scan_file *f, int status)
{
	sc->running--;
	f->pid = 0;
	if (WIFSIGNALED(status) && !f->failure) {
		f->failure = xasprintf("ladder crashed (signal %d)", WTERMSIG(status));
	} else if (!f->failure && WIFEXITED(status) &&
		   WEXITSTATUS(status) != 0 && WEXITSTATUS(status) != 3) {
		char *why = error_line(f->err);

		f->failure = xasprintf("exit %d: %s", WEXITSTATUS(status), why);
		free(why);
	} else if (!f->failure) {
		f->result = json_load_file(f->out, 0, NULL);
		if (!f->result)
			f->failure = xstrdup("ladder wrote no result");
		else if (sc->cache && !sc->db_update)
			cache_store(sc->cache, f->job->file, f->job->args,
				    f->job->nargs, f->result);
	}
	remove(f->out);
	remove(f->err);
	finished(sc, f);
}

static struct scan_file *child_of(struct scan *sc, pid_t pid)
{
	size_t i;

	for (i = 0; i < sc->nfiles; i++)
		if (sc->files[i].pid == pid)
			return &sc->files[i];
	return NULL;
}

/*
 * A child stops by itself at --tu-time-limit between functions, and
 * reports what it did; one stuck inside a function (or in the parse) is
 * killed a grace period later (30s, or the limit if shorter): a hang
 * costs one file.
 */
#define KILL_GRACE 30.0

static void enforce_time_limit(struct scan *sc)
{
	double limit = sc->o->tu_time_limit;
	double grace = limit < KILL_GRACE ? limit : KILL_GRACE;
	double t = now();
	size_t i;

	for (i = 0; i < sc->nfiles; i++) {
		struct scan_file *f = &sc->files[i];

		if (f->pid && !f->failure && t - f->started > limit + grace) {
			f->failure = xasprintf("killed after %gs (--tu-time-limit %g, "
					       "and %gs to stop)", limit + grace,
					       limit, grace);
			kill(f->pid, SIGKILL);
		}
	}
}

/* Collect every child that has ended, without waiting for the others. */
static void reap(struct scan *sc)
{
	int status;
	pid_t pid;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		struct scan_file *f = child_of(sc, pid);

		if (f)
			collect_child(sc, f, status);
	}
}

static void stop_children(struct scan *sc)
{
	size_t i;

	for (i = 0; i < sc->nfiles; i++)
		if (sc->files[i].pid)
			kill(sc->files[i].pid, SIGKILL);
	while (sc->running && waitpid(-1, NULL, 0) > 0)
		sc->running--;
}

/* Results of earlier scans that still hold: those files are done. */
static void take_cached(struct scan *sc)
{
	size_t i;

	for (i = 0; i < sc->nfiles; i++) {
		struct scan_file *f = &sc->files[i];

		f->todo = true;
		if (sc->cache && (f->result = cache_lookup(sc->cache, f->job->file,
							   f->job->args, f->job->nargs))) {
			f->cached = true;
			f->todo = false;
			finished(sc, f);
		}
	}
}

/* Analyse the files marked todo, N at a time. */
static void run_pass(struct scan *sc)
{
	size_t next = 0;
	int jobs = sc->o->jobs ? sc->o->jobs : (int)sysconf(_SC_NPROCESSORS_ONLN);

	while (!interrupted && (next < sc->nfiles || sc->running)) {
		while (!interrupted && next < sc->nfiles && (int)sc->running < jobs) {
			size_t index = sc->order ? sc->order[next] : next;
			struct scan_file *f = &sc->files[index];

			if (f->todo && !start_child(sc, f, index))
				finished(sc, f);
			next++;
		}
		reap(sc);
		enforce_time_limit(sc);
		if (sc->running)
			usleep(20000);
	}
	if (interrupted)
		stop_children(sc);
}

/* What the file's last analysis asked of the database and wrote to it. */
static const json_t *db_activity(const struct scan_file *f)
{
	return json_object_get(json_object_get(f->result, "stats"), "db");
}

/* What a file of a later pass reads from: the files whose rows answer it. */
struct sources {
	size_t *of;
	size_t n;
};

/* The stale files whose rows answer the questions of each stale file. */
static struct sources *stale_sources(struct scan *sc, struct summary_db *db)
{
	struct sources *src = xcalloc(sc->nfiles, sizeof(*src));
	json_t *index = json_object(), *files, *at;
	const char *file;
	size_t i;

	for (i = 0; i < sc->nfiles; i++)
		if (sc->files[i].todo && (file = json_string_value(json_object_get(
				db_activity(&sc->files[i]), "file"))))
			json_object_set_new(index, file, json_integer((json_int_t)i));
	for (i = 0; i < sc->nfiles; i++) {
		if (!sc->files[i].todo)
			continue;
		files = summary_db_sources(db, db_activity(&sc->files[i]));
		src[i].of = xcalloc(json_object_size(files) + 1, sizeof(size_t));
		json_object_foreach(files, file, at)
			if ((at = json_object_get(index, file)) &&
			    (size_t)json_integer_value(at) != i)
				src[i].of[src[i].n++] = (size_t)json_integer_value(at);
		json_decref(files);
	}
	json_decref(index);
	return src;
}

/*
 * The order of a later pass: each stale file after the stale files whose
 * rows answer its questions (depth first; a cycle is cut where it
 * closes), so that it reads their new rows instead of going round once
 * more.  Pass 1 has no rows to go by: it takes the compilation
 * database's order.
 */
static void order_by_sources(struct scan *sc, struct summary_db *db)
{
	struct sources *src = stale_sources(sc, db);
	size_t *stack = xcalloc(sc->nfiles, sizeof(*stack));
	size_t *edge = xcalloc(sc->nfiles, sizeof(*edge));
	unsigned char *seen = xcalloc(sc->nfiles, 1);
	size_t i, depth, n = 0;

	free(sc->order);
	sc->order = xcalloc(sc->nfiles, sizeof(*sc->order));
	for (i = 0; i < sc->nfiles; i++) {
		if (!sc->files[i].todo || seen[i])
			continue;
		seen[i] = 1;
		stack[0] = i;
		edge[i] = 0;
		depth = 1;
		while (depth) {
			size_t top = stack[depth - 1], next;

			if (edge[top] == src[top].n) {
				sc->order[n++] = top;
				depth--;
				continue;
			}
			next = src[top].of[edge[top]++];
			if (!seen[next]) {
				seen[next] = 1;
				edge[next] = 0;
				stack[depth++] = next;
			}
		}
	}
	for (i = 0; i < sc->nfiles; i++)
		if (!sc->files[i].todo)
			sc->order[n++] = i;
	for (i = 0; i < sc->nfiles; i++)
		free(src[i].of);
	free(src);
	free(stack);
	free(edge);
	free(seen);
}

/*
 * The files whose findings the database's changes may change: those
 * whose questions to it would get other rows now (another file's
 * summaries changed after it read them), and those whose own rows it
 * no longer holds.  Marked todo, counted.
 */
static size_t mark_stale(struct scan *sc)
{
	char *err = NULL;
	struct summary_db *db = summary_db_open(sc->o->db, false, &err);
	size_t i, stale = 0;

	free(err);
	for (i = 0; i < sc->nfiles; i++) {
		struct scan_file *f = &sc->files[i];
		const json_t *activity = db_activity(f);

		f->todo = db && f->result &&
			  (!summary_db_answers_same(db, activity) ||
			   !summary_db_holds_written(db, activity));
		stale += f->todo;
	}
	if (db && stale)
		order_by_sources(sc, db);
	summary_db_close(db);
	return stale;
}

/* Forget the result of a file about to be analysed again. */
static void reset_stale(struct scan *sc)
{
	size_t i;

	sc->done = 0;
	for (i = 0; i < sc->nfiles; i++) {
		struct scan_file *f = &sc->files[i];

		if (!f->todo) {
			sc->done++;
			continue;
		}
		sc->findings -= json_array_size(json_object_get(f->result, "findings"));
		json_decref(f->result);
		f->result = NULL;
		f->cached = false;
	}
}

/*
 * --db-update: after the first pass, the files whose findings the
 * database's changes may change, again from their IR, while the
 * summaries change and --passes allows; then, if they still changed,
 * once more reading the database without writing it, so that every
 * file's findings are those of the database as it ends.
 */
static void run_again(struct scan *sc)
{
	unsigned passes = sc->o->db_passes ? sc->o->db_passes : 3;
	size_t stale;

	while (!interrupted && (stale = mark_stale(sc))) {
		sc->pass++;
		sc->last_pass = sc->pass > passes;
		fprintf(stderr, "ladder: pass %u, at %.1fs: %zu file%s read "
			"summaries that changed%s\n", sc->pass,
			now() - sc->started, stale, stale == 1 ? "" : "s",
			sc->last_pass ? " (--passes reached: the database is "
			"not written again)" : "");
		reset_stale(sc);
		run_pass(sc);
		if (sc->last_pass)
			break;
	}
}

static void run_all(struct scan *sc)
{
	sc->pass = 1;
	take_cached(sc);
	run_pass(sc);
	if (sc->db_update)
		run_again(sc);
}

/* ---- the end ---- */

static void count_by(json_t *table, const char *key)
{
	json_t *n = json_object_get(table, key);

	json_object_set_new(table, key,
			    json_integer(n ? json_integer_value(n) + 1 : 1));
}

static char *directory_of(const char *file)
{
	const char *shown = display_path(file);
	const char *slash = strrchr(shown, '/');

	return slash ? strndup(shown, (size_t)(slash - shown)) : xstrdup(".");
}

static void print_table(const char *title, json_t *table)
{
	const char *key;
	json_t *n;

	if (!json_object_size(table))
		return;
	fprintf(stderr, "  %s:\n", title);
	json_object_foreach(table, key, n)
		fprintf(stderr, "    %-40s %lld\n", key, (long long)json_integer_value(n));
}

/* What a person reads at the end of a scan, on stderr. */
static void summary(const struct scan *sc)
{
	json_t *by_check = json_object(), *by_dir = json_object(), *f;
	size_t i, j, functions = 0, failed = 0, cached = 0, findings = 0;

	for (i = 0; i < sc->nfiles; i++) {
		const struct scan_file *sf = &sc->files[i];
		char *dir = directory_of(sf->job->file);

		failed += sf->failure != NULL;
		cached += sf->cached;
		if (sf->result) {
			functions += (size_t)json_integer_value(json_object_get(
				json_object_get(sf->result, "stats"), "functions"));
			json_array_foreach(json_object_get(sf->result, "findings"), j, f) {
				count_by(by_check, json_string_value(json_object_get(f, "check")));
				count_by(by_dir, dir);
				findings++;
			}
		}
		free(dir);
	}
	fprintf(stderr, "ladder: scanned %zu file%s (%zu from the cache), %zu "
		"functions, %zu finding%s in %.1fs\n", sc->done,
		sc->done == 1 ? "" : "s", cached, functions, findings,
		findings == 1 ? "" : "s", now() - sc->started);
	print_table("findings by check", by_check);
	print_table("findings by directory", by_dir);
	if (failed)
		fprintf(stderr, "  files that failed: %zu\n", failed);
	for (i = 0; i < sc->nfiles; i++)
		if (sc->files[i].failure)
			fprintf(stderr, "    %s: %s\n",
				display_path(sc->files[i].job->file),
				sc->files[i].failure);
	json_decref(by_check);
	json_decref(by_dir);
}

/* Results in file order, through the same report as a plain run. */
static size_t render(struct scan *sc, struct report *r)
{
	size_t i, failed = 0;

	for (i = 0; i < sc->nfiles; i++) {
		struct scan_file *f = &sc->files[i];

		if (f->result) {
			report_take_run(r, f->result);
		} else if (f->failure) {
			char *what = xasprintf("not analysed: %s", f->failure);

			report_parse_error(r, f->job->file, what);
			free(what);
		}
		failed += f->failure != NULL;
	}
	return failed;
}

/*
 * Everything but the file and its flags that decides a result: the
 * binary, the limits, the models, checks and --all-paths, the summary
 * database, the rules.
 */
static unsigned long salt(const struct scan *sc)
{
	const struct limits *l = &sc->o->limits;
	unsigned long h = cache_salt(HASH_INIT, sc->self);
	char *model = models_options(), *on = checks_option(true);
	char *off = checks_option(false);
	char *limits = xasprintf("%u/%u/%u/%s/%s/%s/%d/%d", l->max_steps,
				 l->max_block_states, (unsigned)l->max_seconds,
				 model ? model : "", on ? on : "", off ? off : "",
				 sc->o->all_paths, sc->db_update);

	h = hash_bytes(h, limits, strlen(limits));
	free(limits);
	free(model);
	free(on);
	free(off);
	return cache_salt_dir(h, sc->rules_dir);	/* editing a rule redoes the scan */
}

/* ... and what the summary database holds, which its bytes are not. */
static unsigned long db_salt(const struct scan *sc, unsigned long h)
{
	unsigned long content;

	if (sc->o->db && summary_db_content(sc->o->db, &content))
		h = hash_bytes(h, &content, sizeof(content));
	else if (sc->o->db)
		h = cache_salt(h, sc->o->db);
	return h;
}

static bool open_cache(struct scan *sc, char **err)
{
	char *dir;

	if (sc->o->no_cache)
		return true;
	dir = sc->o->cache_dir ? xstrdup(sc->o->cache_dir) :
		xasprintf("%s/.ladder-cache", sc->o->build_dir);
	sc->salt_base = salt(sc);
	/* --db-update asks the database itself which results still hold. */
	sc->cache = cache_open(dir, sc->db_update ? sc->salt_base :
				    db_salt(sc, sc->salt_base), err);
	if (sc->cache && sc->db_update)
		sc->ir_dir = xasprintf("%s/ir", dir);
	free(dir);
	return sc->cache != NULL;
}

/*
 * --db-update: the results are kept when the passes are over, with what
 * each read of the database: a later scan takes those whose questions
 * still get the same rows.
 */
static void store_results(struct scan *sc)
{
	size_t i;

	if (!sc->cache || !sc->db_update || interrupted)
		return;
	for (i = 0; i < sc->nfiles; i++)
		if (sc->files[i].result && !sc->files[i].cached)
			cache_store(sc->cache, sc->files[i].job->file,
				    sc->files[i].job->args, sc->files[i].job->nargs,
				    sc->files[i].result);
}

/*
 * --db-update: the database must be writable before any file is
 * analysed; a child that cannot write it would analyse without it.
 */
static bool check_db(struct scan *sc, char **err)
{
	struct summary_db *db;

	if (!sc->db_update)
		return true;
	if (!sc->o->db) {
		*err = xstrdup("scan: --db-update needs --db=FILE, the database to bring up to date");
		return false;
	}
	db = summary_db_open(sc->o->db, true, err);
	summary_db_close(db);
	return db != NULL;
}

/* --no-cache with --db-update: the files' IR still has to go somewhere. */
static void remove_ir_dir(struct scan *sc)
{
	if (sc->ir_dir_temporary)
		cache_remove_dir(sc->ir_dir);
}

static bool make_tmpdir(struct scan *sc, char **err)
{
	const char *base = getenv("TMPDIR");
	char *templ = xasprintf("%s/ladder-scan.XXXXXX", base && *base ? base : "/tmp");

	if (!mkdtemp(templ)) {
		*err = xasprintf("cannot make a temporary directory: %s", strerror(errno));
		free(templ);
		return false;
	}
	sc->tmpdir = templ;
	if (sc->db_update && !sc->ir_dir) {
		sc->ir_dir = xasprintf("%s/ir", templ);
		sc->ir_dir_temporary = true;
	}
	return true;
}

static void scan_free(struct scan *sc)
{
	size_t i;

	for (i = 0; i < sc->nfiles; i++) {
		json_decref(sc->files[i].result);
		free(sc->files[i].failure);
		free(sc->files[i].out);
		free(sc->files[i].err);
	}
	free(sc->files);
	remove_ir_dir(sc);
	if (sc->tmpdir)
		rmdir(sc->tmpdir);
	free(sc->tmpdir);
	free(sc->ir_dir);
	free(sc->order);
	cache_close(sc->cache);
}

/* Output, gating and exit status, shared by scan and merge. */
struct sink {
	FILE *out;
	struct report *report;
	struct gate *gate;
};

static bool sink_open(struct sink *k, const struct options *o, char **err)
{
	k->out = stdout;
	k->gate = gate_new(o, err);
	if (!k->gate)
		return false;
	if (o->output && !(k->out = fopen(o->output, "w"))) {
		*err = xasprintf("%s: %s", o->output, strerror(errno));
		gate_free(k->gate);
		return false;
	}
	k->report = report_new(o->format, k->out);
	report_set_filter(k->report, gate_drops, k->gate);
	return true;
}

static int sink_close(struct sink *k, const struct options *o, int ret)
{
	char *err;

	report_finish(k->report);
	if (report_total_findings(k->report) && o->error_exitcode && !ret)
		ret = o->error_exitcode;
	if (!gate_finish(k->gate, &err)) {
		fprintf(stderr, "ladder: %s\n", err);
		free(err);
		ret = SCAN_INPUT;
	}
	gate_free(k->gate);
	report_free(k->report);
	if (k->out != stdout && fclose(k->out)) {
		fprintf(stderr, "ladder: %s: %s\n", o->output, strerror(errno));
		ret = SCAN_INPUT;
	}
	return ret;
}

static int input_error(char *err)
{
	fprintf(stderr, "ladder: %s\n", err);
	free(err);
	return SCAN_INPUT;
}

int scan_run(const struct options *o, const char *self, const char *rules_dir,
	     int (*entry)(int argc, char **argv))
{
	struct scan sc = { .o = o, .self = self, .rules_dir = rules_dir,
			   .entry = entry,
			   .db_update = o->db_update };
	struct compile_job *jobs;
	struct sigaction sa = { .sa_handler = on_interrupt };
	struct sink sink;
	int njobs, ret = SCAN_OK;
	char *err;

	if (compdb_load(o->build_dir, NULL, 0, &jobs, &njobs, &err))
		return input_error(err);
	select_files(&sc, jobs, njobs);
	if (!sc.nfiles) {
		fprintf(stderr, "ladder: no compile_commands.json entry under the "
			"given paths\n");
		scan_free(&sc);
		compdb_free(jobs, njobs);
		return SCAN_INPUT;
	}
	if (!check_db(&sc, &err) || !open_cache(&sc, &err) ||
	    !make_tmpdir(&sc, &err) || !sink_open(&sink, o, &err)) {
		scan_free(&sc);
		compdb_free(jobs, njobs);
		return input_error(err);
	}
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sc.tty = isatty(STDERR_FILENO);
	sc.started = now();
	run_all(&sc);
	if (interrupted) {
		fprintf(stderr, "\nladder: interrupted after %zu of %zu files; their "
			"results are cached, run the same scan again to resume\n",
			sc.done, sc.nfiles);
		ret = SCAN_INTERRUPTED;
	} else {
		store_results(&sc);
		summary(&sc);
		if (render(&sc, sink.report))
			ret = SCAN_FAILED_FILES;
	}
	ret = sink_close(&sink, o, ret);
	scan_free(&sc);
	compdb_free(jobs, njobs);
	return ret;
}

/* Findings of all inputs, ordered as one scan would print them. */
static int by_position(const void *pa, const void *pb)
{
	const json_t *a = *(json_t *const *)pa, *b = *(json_t *const *)pb;
	int c = strcmp(json_string_value(json_object_get(a, "file")),
		       json_string_value(json_object_get(b, "file")));
	json_int_t la = json_integer_value(json_object_get(a, "line"));
	json_int_t lb = json_integer_value(json_object_get(b, "line"));

	if (c)
		return c;
	if (la != lb)
		return la < lb ? -1 : 1;
	return (int)(json_integer_value(json_object_get(a, "order")) -
		     json_integer_value(json_object_get(b, "order")));
}

int merge_run(const struct options *o)
{
	json_t *all = json_object(), *findings = json_array(), *doc, *f;
	struct ptrvec sorted = { 0 };
	struct sink sink;
	size_t i, j;
	char *err;
	int ret = SCAN_OK, k;

	if (!o->nfiles)
		return input_error(xstrdup("merge: no --format=json results given"));
	for (k = 0; k < o->nfiles; k++) {
		json_error_t jerr;

		doc = json_load_file(o->files[k], 0, &jerr);
		if (!doc || !json_is_array(json_object_get(doc, "findings"))) {
			json_decref(doc);
			json_decref(all);
			json_decref(findings);
			return input_error(xasprintf("merge: %s: not a ladder "
				"--format=json result%s%s", o->files[k],
				jerr.text[0] ? ": " : "", jerr.text));
		}
		json_array_foreach(json_object_get(doc, "findings"), j, f) {
			json_object_set_new(f, "order", json_integer((json_int_t)
					    json_array_size(findings)));
			json_array_append(findings, f);
		}
		json_object_set_new(all, o->files[k], doc);
	}
	for (i = 0; i < json_array_size(findings); i++)
		ptrvec_push(&sorted, json_array_get(findings, i));
	if (sorted.len > 1)
		qsort(sorted.items, sorted.len, sizeof(*sorted.items), by_position);
	if (!sink_open(&sink, o, &err)) {
		ptrvec_free(&sorted);
		json_decref(all);
		json_decref(findings);
		return input_error(err);
	}
	/* Counts from each input, findings in one order across them. */
	for (k = 0; k < o->nfiles; k++) {
		json_t *counts = json_deep_copy(json_object_get(all, o->files[k]));

		json_object_set_new(counts, "findings", json_array());
		report_take_run(sink.report, counts);
		json_decref(counts);
	}
	for (i = 0; i < sorted.len; i++) {
		json_t *copy = json_deep_copy(sorted.items[i]);

		json_object_del(copy, "order");
		report_take_finding(sink.report, copy);
	}
	ret = sink_close(&sink, o, ret);
	ptrvec_free(&sorted);
	json_decref(all);
	json_decref(findings);
	return ret;
}
