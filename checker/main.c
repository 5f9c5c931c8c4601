// SPDX-License-Identifier: GPL-2.0
/*
 * ladder - find resources left unreleased on the error paths of C code.
 *
 * main.c reads the command line, loads the rules, and runs each file
 * through the stages: parse (parse.c, ast.c), control flow (cfg.c), path
 * state and exploration (state.c, engine.c), checks (checks/), report
 * (report.c).
 */
#include "access_path.h"
#include "cocci.h"
#include "cache.h"
#include "compdb.h"
#include "gate.h"
#include "mine.h"
#include "options.h"
#include "engine/models.h"
#include "tu.h"
#include "rules.h"
#include "scan.h"
#include "summary_db.h"
#include "util.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>



enum exit_code {
	EXIT_OK = 0,
	EXIT_INPUT = 2,		/* usage or input error */
	EXIT_PARSE = 3,		/* a file did not parse cleanly */
};

/* Rules are installed beside the binary: BIN/../share/ladder/rules. */
static char *default_rules_dir(void)
{
	char exe[PATH_MAX], *dir, *real;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n <= 0)
		return xstrdup("/usr/local/share/ladder/rules");
	exe[n] = '\0';
	dir = xasprintf("%s/../share/ladder/rules", dirname(exe));
	real = realpath(dir, NULL);
	if (!real)
		return dir;
	free(dir);
	return real;
}

int main(int argc, char **argv);

static int fail(const char *fmt, const char *arg)
{
	fputs("ladder: ", stderr);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	return EXIT_INPUT;
}

static int worst(int a, int b)
{
	/* Input errors outrank parse errors, which outrank findings. */
	if (a == EXIT_INPUT || b == EXIT_INPUT)
		return EXIT_INPUT;
	if (a == EXIT_PARSE || b == EXIT_PARSE)
		return EXIT_PARSE;
	return a ? a : b;
}

static int status_exit(enum tu_status st)
{
	switch (st) {
	case TU_FAILED:
		return EXIT_INPUT;
	case TU_ERRORS:
		return EXIT_PARSE;
	default:
		return EXIT_OK;
	}
}

static int run_compdb(struct session *s, const struct options *o)
{
	struct compile_job *jobs;
	int njobs, i, ret = EXIT_OK;
	size_t first, last;
	char *err;

	if (compdb_load(o->build_dir, o->files, o->nfiles, &jobs, &njobs, &err)) {
		ret = fail("%s", err);
		free(err);
		return ret;
	}
	/* ladder db --shard K/N: the files ladder scan --shard K/N checks. */
	if (o->nshards)
		compdb_sort(jobs, njobs);
	compdb_shard((size_t)njobs, o->shard, o->nshards, &first, &last);
	for (i = (int)first; i < (int)last; i++) {
		/* Flags given on the command line come after the database's. */
		const char **flags = xcalloc((size_t)(jobs[i].nargs + o->ncflags) + 1,
					     sizeof(*flags));
		int k, n = 0;

		for (k = 0; k < jobs[i].nargs; k++)
			flags[n++] = jobs[i].args[k];
		for (k = 0; k < o->ncflags; k++)
			flags[n++] = o->cflags[k];
		ret = worst(ret, status_exit(analyse_file(s, jobs[i].file, flags, n)));
		free(flags);
	}
	compdb_free(jobs, njobs);
	return ret;
}

/*
 * --file-output: findings for FILE go to FILE.ladder, written whole, so
 * the output of "make -j C=2" does not interleave.  Like smatch's
 * --file-output; the file is rewritten (empty when clean) every run.
 */
static int analyse_to_file(struct session *s, const struct options *o,
			   const char *file, unsigned *findings)
{
	struct report *run_report = s->env.report;
	char *path = xasprintf("%s.ladder", file);
	FILE *out = fopen(path, "w");
	int ret;

	if (!out) {
		ret = fail("cannot write '%s'", path);
		free(path);
		return ret;
	}
	s->env.report = report_new(o->format, out);
	report_set_filter(s->env.report, gate_drops, s->gate);
	ret = status_exit(analyse_file(s, file, o->cflags, o->ncflags));
	report_finish(s->env.report);
	*findings += report_total_findings(s->env.report);
	report_free(s->env.report);
	s->env.report = run_report;
	if (fclose(out))
		ret = fail("cannot write '%s'", path);
	free(path);
	return ret;
}

static int run_files(struct session *s, const struct options *o,
		     unsigned *findings)
{
	int i, ret = EXIT_OK;

	for (i = 0; i < o->nfiles; i++) {
		if (o->file_output)
			ret = worst(ret, analyse_to_file(s, o, o->files[i], findings));
		else
			ret = worst(ret, status_exit(analyse_file(s, o->files[i],
							o->cflags, o->ncflags)));
	}
	return ret;
}

/* --stats: what the run saw, and what each model kept quiet. */
static void print_stats(const struct report *r)
{
	const char *model;
	json_t *n;

	fprintf(stderr, "ladder: stats: %u findings; silenced by model:",
		report_total_findings(r));
	json_object_foreach((json_t *)report_silenced(r), model, n)
		fprintf(stderr, " %s %lld", model, (long long)json_integer_value(n));
	fputc('\n', stderr);
}

/*
 * What a pipeline run needs beside its options: the rules, the tables
 * of interned names and access paths, and a report (which the names
 * outlive).  Given back by session_end(), with the rules.
 */
static void session_begin(struct session *s, struct rules *rules,
			  struct report *report)
{
	s->env.rules = rules;
	s->env.strings = strtab_new();
	s->env.paths = ap_table_new();
	s->env.report = report;
}

/* A run that fails before session_begin() gives back what it opened. */
static void session_abandon(struct session *s, struct rules *rules)
{
	cache_close(s->ir_cache);
	s->ir_cache = NULL;
	rules_free(rules);
}

static void session_end(struct session *s, struct rules *rules)
{
	cache_close(s->ir_cache);
	report_free(s->env.report);
	report_free(s->scratch);
	strtab_free(s->env.strings);
	ap_table_free(s->env.paths);
	rules_free(rules);
}

/*
 * --ir-cache: what decides a file's IR besides the file and its flags is
 * this binary (its frontend), the rules (which inlines are translated)
 * and the models.
 */
static bool open_ir_cache(struct session *s, const struct options *o,
			  const char *dir, const char *rules_dir)
{
	char exe[PATH_MAX], *models = models_options(), *err;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	unsigned long salt = HASH_INIT;
	int i;

	if (!dir) {
		free(models);
		return true;
	}
	if (n > 0) {
		exe[n] = '\0';
		salt = cache_salt(salt, exe);
	}
	salt = cache_salt_dir(salt, rules_dir);
	for (i = 0; i < o->nextra_rules; i++)
		salt = cache_salt(salt, o->extra_rules[i]);
	if (models)
		salt = hash_bytes(salt, models, strlen(models));
	free(models);
	s->ir_cache = cache_open(dir, salt, &err);
	if (!s->ir_cache) {
		fail("%s", err);
		free(err);
		return false;
	}
	return true;
}

/*
 * ladder db's passes after the first read each file's IR from a cache
 * of its own, made for the run (unless --ir-cache names one), instead
 * of parsing it again.
 */
static char *temporary_ir_dir(const struct options *o)
{
	const char *base = getenv("TMPDIR");
	char *dir;

	if (o->ir_cache || !o->db_write || o->db_merge || o->db_passes == 1)
		return NULL;
	dir = xasprintf("%s/ladder-db-ir.XXXXXX", base && *base ? base : "/tmp");
	if (mkdtemp(dir))
		return dir;
	free(dir);
	return NULL;	/* then every pass parses, as before */
}

/*
 * ladder mine: read every file as an analysis would, keep what inference
 * learns from each, and write the pairs seen often enough (knowledge/mine.c).
 */
static int run_mine(struct session *s, const struct options *o,
		    struct rules *rules)
{
	unsigned min_support = o->min_support ? o->min_support : 3, kept;
	FILE *out = stdout;
	unsigned found = 0;
	int ret;

	if (o->output && !(out = fopen(o->output, "w"))) {
		fprintf(stderr, "ladder: %s: %s\n", o->output, strerror(errno));
		session_abandon(s, rules);
		return EXIT_INPUT;
	}
	/* Nothing is analysed, so nothing is reported. */
	session_begin(s, rules, report_new(FORMAT_TEXT, stderr));
	s->miner = miner_new();
	ret = o->build_dir ? run_compdb(s, o) : run_files(s, o, &found);
	kept = o->review ? miner_review(s->miner, out, min_support) :
			   miner_write(s->miner, rules, out, min_support);
	fprintf(stderr, "ladder: mine: %u pairs seen in at least %u functions\n",
		kept, min_support);
	miner_free(s->miner);
	session_end(s, rules);
	if (out != stdout && fclose(out)) {
		fprintf(stderr, "ladder: %s: %s\n", o->output, strerror(errno));
		ret = EXIT_INPUT;
	}
	return ret == EXIT_PARSE ? EXIT_OK : ret;
}

/* --db: a database that cannot be read costs its knowledge, never the run. */
static struct summary_db *open_db_to_read(const char *path)
{
	struct summary_db *db;
	char *err;

	db = summary_db_open(path, false, &err);
	if (!db) {
		fprintf(stderr, "ladder: warning: %s; analysing without it\n", err);
		free(err);
	}
	return db;
}

/*
 * --db-update (ladder scan's passes): a findings run that also gives the
 * database its files' summaries, and says in its JSON stats what it read
 * and whose rows it changed.  A database that cannot be written costs
 * its knowledge and the update, never the findings.
 */
static void open_db_to_update(struct session *s, const char *path)
{
	char *err;

	s->db = summary_db_open(path, true, &err);
	if (!s->db) {
		fprintf(stderr, "ladder: warning: %s; analysing without it\n", err);
		free(err);
		return;
	}
	s->db_write = true;
}

static int end_db_update(struct session *s)
{
	report_add_stat(s->env.report, "db", summary_db_activity(s->db));
	if (!s->db_error)
		return EXIT_OK;
	fail("db: %s", s->db_error);
	free(s->db_error);
	s->db_error = NULL;
	return EXIT_INPUT;
}

/* ladder db --merge: the shards' databases into --db's. */
static int merge_dbs(struct summary_db *db, const struct options *o)
{
	char *err;
	int i, ret;

	for (i = 0; i < o->nfiles; i++)
		if (!summary_db_merge(db, o->files[i], &err)) {
			ret = fail("db: %s", err);
			free(err);
			return ret;
		}
	return EXIT_OK;
}

/*
 * ladder db: summarise every file, then again while some file's
 * summaries changed (what it learnt of other files' functions changed
 * what its own do), at most --passes times.
 */
static int summarise_files(struct session *s, const struct options *o,
			   unsigned *passes_run, bool *written)
{
	unsigned passes = o->db_passes ? o->db_passes : 3, found = 0;
	int ret = EXIT_OK;

	*written = false;
	if (!summary_db_start_run(s->db, &s->db_error)) {
		ret = fail("db: %s", s->db_error);
		free(s->db_error);
		return ret;
	}
	s->db_write = true;
	for (*passes_run = 1; ; (*passes_run)++) {
		s->db_changed = 0;
		ret = o->build_dir ? run_compdb(s, o) : run_files(s, o, &found);
		if (s->db_error || !s->db_changed || *passes_run == passes)
			break;
	}
	*written = !s->db_error;
	if (s->db_error) {
		ret = fail("db: %s", s->db_error);
		free(s->db_error);
	}
	return ret;
}

static int run_db(struct session *s, const struct options *o,
		  struct rules *rules)
{
	unsigned passes = 0;
	long functions, files;
	bool written = false;
	FILE *devnull;
	char *err;
	int ret;

	s->db = summary_db_open(o->db, true, &err);
	if (!s->db) {
		ret = fail("db: %s", err);
		free(err);
		session_abandon(s, rules);
		return ret;
	}
	/* Summaries, not findings: a file's own are the second pass's. */
	devnull = fopen("/dev/null", "w");
	session_begin(s, rules, report_new(FORMAT_JSON, devnull ? devnull : stderr));
	if (o->db_merge)
		written = (ret = merge_dbs(s->db, o)) == EXIT_OK;
	else
		ret = summarise_files(s, o, &passes, &written);
	summary_db_counts(s->db, &functions, &files);
	if (written && !o->db_merge)
		fprintf(stderr, "ladder: db: %s: %ld functions of %ld files; %u pass%s, %s\n",
			display_path(o->db), functions, files, passes, passes == 1 ? "" : "es",
			s->db_changed ? "stopped by --passes while summaries still changed" :
					"the last changed nothing");
	else if (written)
		fprintf(stderr, "ladder: db: %s: %ld functions of %ld files\n",
			display_path(o->db), functions, files);
	summary_db_close(s->db);
	session_end(s, rules);
	if (devnull)
		fclose(devnull);
	return ret;
}

static int run(const struct options *o)
{
	struct session s = { .env.limits = &o->limits, .env.explain = o->explain,
			     .env.all_paths = o->all_paths,
			     .dump_cfg = o->dump_cfg, .dump_ir = o->dump_ir,
			     .verbose = o->verbose, .list_inputs = o->list_inputs };
	char *rules_dir = o->rules_dir ? xstrdup(o->rules_dir) : default_rules_dir();
	char *ir_dir;
	FILE *out = stdout;
	struct gate *gate;
	struct rules *rules;
	unsigned file_findings = 0;
	char *err;
	int ret;

	rules = rules_load_extra(rules_dir, o->extra_rules,
				 (unsigned)o->nextra_rules, &err);
	if (!rules) {
		free(rules_dir);
		ret = fail("%s", err);
		free(err);
		return ret;
	}
	ir_dir = temporary_ir_dir(o);
	if (!open_ir_cache(&s, o, ir_dir ? ir_dir : o->ir_cache, rules_dir)) {
		free(rules_dir);
		free(ir_dir);
		rules_free(rules);
		return EXIT_INPUT;
	}
	free(rules_dir);
	if (o->mine)
		return run_mine(&s, o, rules);
	if (o->db_write) {
		ret = run_db(&s, o, rules);
		cache_remove_dir(ir_dir);
		free(ir_dir);
		return ret;
	}
	gate = gate_new(o, &err);
	if (!gate) {
		ret = fail("%s", err);
		free(err);
		session_abandon(&s, rules);
		return ret;
	}
	if (o->output && !(out = fopen(o->output, "w"))) {
		fprintf(stderr, "ladder: %s: %s\n", o->output, strerror(errno));
		gate_free(gate);
		session_abandon(&s, rules);
		return EXIT_INPUT;
	}
	session_begin(&s, rules, report_new(o->format, out));
	report_set_filter(s.env.report, gate_drops, gate);
	s.gate = gate;
	if (o->db && o->db_update)
		open_db_to_update(&s, o->db);
	else if (o->db)
		s.db = open_db_to_read(o->db);
	ret = o->build_dir ? run_compdb(&s, o) : run_files(&s, o, &file_findings);
	if (s.db_write)
		ret = worst(ret, end_db_update(&s));
	summary_db_close(s.db);
	if (!o->file_output)
		report_finish(s.env.report);
	if (o->stats)
		print_stats(s.env.report);
	if ((report_total_findings(s.env.report) || file_findings) &&
	    o->error_exitcode)
		ret = worst(ret, o->error_exitcode);
	if (!gate_finish(gate, &err)) {
		ret = fail("%s", err);
		free(err);
	}
	gate_free(gate);
	session_end(&s, rules);
	if (out != stdout && fclose(out)) {
		fprintf(stderr, "ladder: %s: %s\n", o->output, strerror(errno));
		ret = EXIT_INPUT;
	}
	return ret;
}

/* ladder cocci [--rules=DIR] -o DIR: write the Coccinelle scripts. */
static int cmd_cocci(int argc, char **argv)
{
	const char *rules_dir = NULL, *out_dir = NULL;
	char *dflt = default_rules_dir(), *err = NULL;
	struct rules *rules;
	int i, n;

	for (i = 1; i < argc; i++) {
		if (!strncmp(argv[i], "--rules=", 8))
			rules_dir = argv[i] + 8;
		else if (!strcmp(argv[i], "-o") && i + 1 < argc)
			out_dir = argv[++i];
		else if (!strncmp(argv[i], "--output=", 9))
			out_dir = argv[i] + 9;
		else {
			free(dflt);
			return fail("cocci: unknown argument '%s' (usage: ladder "
				    "cocci [--rules=DIR] -o DIR)", argv[i]);
		}
	}
	if (!out_dir) {
		free(dflt);
		return fail("%s", "cocci: no output directory (-o DIR)");
	}
	rules = rules_load(rules_dir ? rules_dir : dflt, &err);
	free(dflt);
	if (!rules) {
		fprintf(stderr, "ladder: %s\n", err);
		free(err);
		return EXIT_INPUT;
	}
	n = cocci_generate(rules, out_dir, &err);
	rules_free(rules);
	if (n < 0) {
		fprintf(stderr, "ladder: %s\n", err);
		free(err);
		return EXIT_INPUT;
	}
	return EXIT_OK;
}

static int parse_paths(int argc, char **argv, struct options *o)
{
	char *err;

	if (options_parse_paths(argc, argv, o, &err))
		return EXIT_OK;
	fprintf(stderr, "ladder: %s: %s (try 'ladder --help')\n", argv[0], err);
	free(err);
	options_free(o);
	return EXIT_INPUT;
}

/* ladder scan -p BUILD_DIR [PATH...]: a tree, in parallel, cached. */
static int cmd_scan(int argc, char **argv)
{
	char self[PATH_MAX], *rules_dir;
	struct options o;
	ssize_t n;
	int ret = parse_paths(argc, argv, &o);

	if (ret)
		return ret;
	if (!o.build_dir) {
		options_free(&o);
		return fail("%s", "scan: needs -p BUILD_DIR (where compile_commands.json is)");
	}
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0) {
		options_free(&o);
		return fail("%s", "scan: cannot find the ladder binary to run");
	}
	self[n] = '\0';
	rules_dir = o.rules_dir ? realpath(o.rules_dir, NULL) : default_rules_dir();
	if (!rules_dir) {
		ret = fail("cannot open rules directory '%s'", o.rules_dir);
	} else {
		ret = scan_run(&o, self, rules_dir, main);
		free(rules_dir);
	}
	options_free(&o);
	return ret;
}

/* ladder merge RESULT.json...: shards' --format=json outputs as one. */
static int cmd_merge(int argc, char **argv)
{
	struct options o;
	int ret = parse_paths(argc, argv, &o);

	if (ret)
		return ret;
	ret = merge_run(&o);
	options_free(&o);
	return ret;
}

/* "arg1", "*arg0", "arg4->np", "return", "none" as the rules write it */
static void print_handle(struct handle_spec h)
{
	switch (h.kind) {
	case HANDLE_NONE:
		printf("none");
		break;
	case HANDLE_RETURN:
		printf("return");
		break;
	case HANDLE_ARG:
		printf("arg%d", h.arg);
		break;
	case HANDLE_ARG_OUT:
		printf("*arg%d", h.arg);
		break;
	case HANDLE_ARG_MEMBER:
		printf("arg%d->%s", h.arg, h.member);
		break;
	}
}

/* The pair's switches, as its file spells them: " [managed, null-safe]". */
static void print_pair_flags(const struct pair *p)
{
	const struct { bool on; const char *key; } flags[] = {
		{ p->managed, "managed" },
		{ p->null_safe, "null-safe" },
		{ p->owed_if_released, "owed: if-released" },
		{ p->every_return, "owed: every-return" },
		{ p->survives_put, "survives-put" },
		{ p->absent_safe, "absent-safe" },
	};
	unsigned i, shown = 0;

	for (i = 0; i < ARRAY_SIZE(flags); i++)
		if (flags[i].on)
			printf("%s%s", shown++ ? ", " : " [", flags[i].key);
	if (shown)
		putchar(']');
}

/* One line per pair, then its functions: what ladder knows. */
static void list_rules(const struct rules *rules)
{
	const struct rule_fn *const *all;
	unsigned i, k, n;

	all = rules_functions(rules, &n);
	for (i = 0; i < rules_pair_count(rules); i++) {
		const struct pair *p = rules_pair_at(rules, i);

		printf("%s (%s:%u)%s%s", p->name, display_path(p->file), p->line,
		       p->description ? ": " : "",
		       p->description ? p->description : "");
		print_pair_flags(p);
		putchar('\n');
		for (k = 0; k < n; k++) {
			const struct rule_fn *fn = all[k];

			if (fn->pair != p)
				continue;
			printf("  %-8s %-36s handle ", fn->role == ROLE_ACQUIRE ?
			       "acquire" : fn->role == ROLE_QUERY ? "query" :
			       "release", fn->name);
			print_handle(fn->handle);
			if (fn->role == ROLE_ACQUIRE)
				printf(", success %s", success_name(fn->success));
			if (fn->status_member)
				printf(", status in ->%s", fn->status_member);
			if (fn->implicit)
				printf(", implicit");
			if (fn->role == ROLE_RELEASE && fn->null_safe >= 0)
				printf(", null-safe %s", fn->null_safe ? "yes" : "no");
			if (fn->err_safe)
				printf(", err-safe");
			if (fn->failed_safe)
				printf(", failed-safe");
			putchar('\n');
		}
		for (k = 0; k < p->nmanaged_with; k++)
			printf("  %-8s %s\n", "managed-with", p->managed_with[k]);
	}
}

/* ladder rules --check [DIR] | --list [DIR]: validate or show the rules. */
static int cmd_rules(int argc, char **argv)
{
	const char *usage = "usage: ladder rules --check|--list [DIR]";
	char *dir, *err;
	struct rules *rules;
	bool list;

	if (argc < 2 || argc > 3 ||
	    (strcmp(argv[1], "--check") && strcmp(argv[1], "--list")))
		return fail("%s", usage);
	list = !strcmp(argv[1], "--list");
	dir = argc == 3 ? xstrdup(argv[2]) : default_rules_dir();
	rules = rules_load(dir, &err);
	if (!rules) {
		free(dir);
		fprintf(stderr, "ladder: %s\n", err);
		free(err);
		return EXIT_INPUT;
	}
	if (list)
		list_rules(rules);
	else
		printf("%s: %u pairs, %u functions: ok\n", display_path(dir),
		       rules_pair_count(rules), rules_function_count(rules));
	rules_free(rules);
	free(dir);
	return EXIT_OK;
}

/* ladder mine [options] FILE...|-p BUILD_DIR: pairs learnt from the code. */
static int cmd_mine(int argc, char **argv)
{
	struct options o;
	char *err;
	int ret;

	if (!options_parse(argc, argv, &o, &err)) {
		fprintf(stderr, "ladder: mine: %s (try 'ladder --help')\n", err);
		free(err);
		options_free(&o);
		return EXIT_INPUT;
	}
	if (!o.nfiles && !o.build_dir) {
		options_free(&o);
		return fail("%s", "mine: no input files (give FILEs or -p BUILD_DIR)");
	}
	o.mine = true;
	ret = run(&o);
	options_free(&o);
	return ret;
}

/*
 * ladder db --db=OUT FILE...|-p BUILD_DIR: the summary database.
 * ladder db --merge --db=OUT SHARD.db...: shards' databases joined.
 */
static int cmd_db(int argc, char **argv)
{
	struct options o;
	int ret = parse_paths(argc, argv, &o);

	if (ret)
		return ret;
	if (!o.db)
		ret = fail("%s", "db: needs --db=FILE, the database to write");
	else if (!o.nfiles && (o.db_merge || !o.build_dir))
		ret = fail("%s", o.db_merge ? "db: --merge needs the databases to add" :
				 "db: no input files (give FILEs or -p BUILD_DIR)");
	if (ret) {
		options_free(&o);
		return ret;
	}
	o.db_write = true;
	ret = run(&o);
	options_free(&o);
	return ret;
}

/* "ladder NAME ..." runs a subcommand instead of an analysis. */
static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
} subcommands[] = {
	{ "cocci", cmd_cocci },
	{ "rules", cmd_rules },
	{ "scan", cmd_scan },
	{ "merge", cmd_merge },
	{ "mine", cmd_mine },
	{ "db", cmd_db },
};

int main(int argc, char **argv)
{
	struct options o;
	char *err;
	int ret;
	size_t i;

	for (i = 0; argc > 1 && i < ARRAY_SIZE(subcommands); i++)
		if (!strcmp(argv[1], subcommands[i].name))
			return subcommands[i].run(argc - 1, argv + 1);
	if (!options_parse(argc, argv, &o, &err)) {
		fprintf(stderr, "ladder: %s (try 'ladder --help')\n", err);
		free(err);
		options_free(&o);
		return EXIT_INPUT;
	}
	if (o.help_models) {
		models_print(stdout);
		options_free(&o);
		return EXIT_OK;
	}
	if (o.help || o.version) {
		if (o.help)
			options_usage(stdout);
		else
			printf("ladder %s\n", LADDER_VERSION);
		options_free(&o);
		return EXIT_OK;
	}
	if (!o.nfiles && !o.build_dir) {
		options_free(&o);
		return fail("%s", "no input files (try 'ladder --help')");
	}
	ret = run(&o);
	options_free(&o);
	return ret;
}
