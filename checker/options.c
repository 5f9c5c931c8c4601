// SPDX-License-Identifier: GPL-2.0
#include "options.h"
#include "engine/models.h"
#include "checks/checks.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum opt_id {
	OPT_FORMAT, OPT_RULES, OPT_OUTPUT, OPT_ERROR_EXITCODE, OPT_MAX_STEPS,
	OPT_MAX_STATES, OPT_TIME_LIMIT, OPT_DUMP_CFG, OPT_DUMP_IR, OPT_VERBOSE, OPT_HELP,
	OPT_VERSION, OPT_LIST_INPUTS, OPT_FILE_OUTPUT, OPT_JOBS, OPT_SHARD, OPT_CACHE_DIR,
	OPT_NO_CACHE, OPT_TU_TIME_LIMIT, OPT_MODEL, OPT_ENABLE, OPT_DISABLE, OPT_STATS, OPT_EXPLAIN, OPT_ALL_PATHS, OPT_BASELINE, OPT_WRITE_BASELINE, OPT_DIFF, OPT_SINCE,
	OPT_EXTRA_RULES, OPT_MIN_SUPPORT, OPT_REVIEW, OPT_DB, OPT_PASSES, OPT_MERGE,
	OPT_IR_CACHE, OPT_DB_UPDATE,
};

struct opt {
	const char *name;
	enum opt_id id;
	const char *value;	/* metavariable, NULL for a flag */
	const char *help;
};

static const struct opt opts_table[] = {
	{ "--format", OPT_FORMAT, "FMT", "text (gcc style, default), json or sarif" },
	{ "--rules", OPT_RULES, "DIR", "rules directory (default: the installed rules)" },
	{ "--extra-rules", OPT_EXTRA_RULES, "FILE", "a rules file loaded over them (ladder mine's output)" },
	{ "--min-support", OPT_MIN_SUPPORT, "N", "mine: keep pairs seen in N functions (default 3)" },
	{ "--review", OPT_REVIEW, NULL, "mine: list the pairs with two places each, not rules" },
	{ "--db", OPT_DB, "FILE", "summaries of other files' functions (ladder db writes them)" },
	{ "--passes", OPT_PASSES, "N", "db: at most N passes over the files to a fixed point (default 3)" },
	{ "--merge", OPT_MERGE, NULL, "db: add the databases given (shards') to --db's" },
	{ "--output", OPT_OUTPUT, "FILE", "write findings to FILE instead of stdout (also -o)" },
	{ "--baseline", OPT_BASELINE, "FILE", "do not report findings FILE accepts" },
	{ "--write-baseline", OPT_WRITE_BASELINE, "FILE", "save this run's findings as a baseline" },
	{ "--diff", OPT_DIFF, "PATCH", "report only in functions PATCH touches" },
	{ "--since", OPT_SINCE, "REV", "report only in functions changed since git REV" },
	{ "--error-exitcode", OPT_ERROR_EXITCODE, "N", "exit with N when there are findings" },
	{ "--max-steps", OPT_MAX_STEPS, "N", "path steps per function (default 200000)" },
	{ "--max-states", OPT_MAX_STATES, "N", "distinct states kept per point (default 512)" },
	{ "--time-limit", OPT_TIME_LIMIT, "N", "seconds per function (default 10)" },
	{ "--dump-cfg", OPT_DUMP_CFG, NULL, "print each analysed function's CFG" },
	{ "--dump-ir", OPT_DUMP_IR, NULL, "print each analysed function's IR tree" },
	{ "--model", OPT_MODEL, "[-]NAME,...", "switch a model off (-NAME) or on; --help=models lists them" },
	{ "--enable", OPT_ENABLE, "CHECK,...", "run checks that are off by default (exemplar-leak)" },
	{ "--disable", OPT_DISABLE, "CHECK,...", "do not run these checks" },
	{ "--stats", OPT_STATS, NULL, "print counts at the end, and what each model silenced" },
	{ "--explain", OPT_EXPLAIN, NULL, "say which model kept each owed resource quiet, and where" },
	{ "--all-paths", OPT_ALL_PATHS, NULL, "a warning per return, not one per missing release" },
	{ "--verbose", OPT_VERBOSE, NULL, "say which compiler flags are dropped" },
	{ "--list-inputs", OPT_LIST_INPUTS, NULL, "JSON: list the files each TU read" },
	{ "--file-output", OPT_FILE_OUTPUT, NULL, "findings for F.c go to F.c.ladder (make -j)" },
	{ "--jobs", OPT_JOBS, "N", "scan: N files at a time (default: the cores; also -j N)" },
	{ "--shard", OPT_SHARD, "K/N", "scan, db: only the K-th of N equal parts" },
	{ "--cache-dir", OPT_CACHE_DIR, "DIR", "scan: keep results in DIR (default BUILD_DIR/.ladder-cache)" },
	{ "--no-cache", OPT_NO_CACHE, NULL, "scan: analyse every file again" },
	{ "--db-update", OPT_DB_UPDATE, NULL, "with --db: also write the files' summaries into it (scan's passes)" },
	{ "--ir-cache", OPT_IR_CACHE, "DIR", "keep each file's IR in DIR; a later run reads it, not the source" },
	{ "--tu-time-limit", OPT_TU_TIME_LIMIT, "N", "seconds per file (default 600); scan kills it 30s later" },
	{ "--help", OPT_HELP, NULL, "this text" },
	{ "--version", OPT_VERSION, NULL, "print the version" },
};

/* Compiler flags whose value is the next argument, not a file. */
static const char *const flags_with_value[] = {
	"-include", "-imacros", "-I", "-D", "-U", "-isystem", "-idirafter",
	"-iquote", "-iprefix", "-isysroot", "-MF", "-MT", "-MQ", "-x",
	"-target", "-Xclang", "-arch", "-working-directory",
};

static bool takes_separate_value(const char *flag)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(flags_with_value); i++)
		if (!strcmp(flag, flags_with_value[i]))
			return true;
	return false;
}

static bool is_source_file(const char *arg)
{
	size_t n = strlen(arg);

	return arg[0] != '-' && n > 2 && arg[n - 2] == '.' &&
	       (arg[n - 1] == 'c' || arg[n - 1] == 'i');
}

static bool parse_uint(const char *s, unsigned long max, unsigned long *out)
{
	char *end;

	errno = 0;
	*out = strtoul(s, &end, 10);
	return !errno && *s && !*end && *out <= max && s[0] != '-';
}

static bool apply(struct options *o, const struct opt *opt, const char *value,
		  char **err)
{
	unsigned long n;

	switch (opt->id) {
	case OPT_FORMAT:
		if (!strcmp(value, "text"))
			o->format = FORMAT_TEXT;
		else if (!strcmp(value, "json"))
			o->format = FORMAT_JSON;
		else if (!strcmp(value, "sarif"))
			o->format = FORMAT_SARIF;
		else
			goto bad;
		return true;
	case OPT_RULES:
		o->rules_dir = value;
		return true;
	case OPT_EXTRA_RULES:
		o->extra_rules = xrealloc(o->extra_rules, (size_t)(o->nextra_rules + 1) *
					  sizeof(*o->extra_rules));
		o->extra_rules[o->nextra_rules++] = value;
		return true;
	case OPT_REVIEW:
		o->review = true;
		return true;
	case OPT_DB:
		o->db = value;
		return true;
	case OPT_MERGE:
		o->db_merge = true;
		return true;
	case OPT_PASSES:
		if (!parse_uint(value, 100, &n) || !n)
			goto bad;
		o->db_passes = (unsigned)n;
		return true;
	case OPT_MIN_SUPPORT:
		if (!parse_uint(value, 1000000, &n) || !n)
			goto bad;
		o->min_support = (unsigned)n;
		return true;
	case OPT_OUTPUT:
		o->output = value;
		return true;
	case OPT_BASELINE:
		o->baseline = value;
		return true;
	case OPT_WRITE_BASELINE:
		o->write_baseline = value;
		return true;
	case OPT_DIFF:
		o->diff = value;
		return true;
	case OPT_SINCE:
		o->since = value;
		return true;
	case OPT_ERROR_EXITCODE:
		if (!parse_uint(value, 255, &n))
			goto bad;
		o->error_exitcode = (int)n;
		return true;
	case OPT_MAX_STEPS:
		if (!parse_uint(value, 100000000, &n) || !n)
			goto bad;
		o->limits.max_steps = (unsigned)n;
		return true;
	case OPT_MAX_STATES:
		if (!parse_uint(value, 1000000, &n) || !n)
			goto bad;
		o->limits.max_block_states = (unsigned)n;
		return true;
	case OPT_TIME_LIMIT:
		if (!parse_uint(value, 86400, &n) || !n)
			goto bad;
		o->limits.max_seconds = (double)n;
		return true;
	case OPT_DUMP_CFG:
		o->dump_cfg = true;
		return true;
	case OPT_DUMP_IR:
		o->dump_ir = true;
		return true;
	case OPT_MODEL:
		return models_configure(value, err);
	case OPT_ENABLE:
	case OPT_DISABLE:
		return checks_configure(value, opt->id == OPT_ENABLE, err);
	case OPT_STATS:
		o->stats = true;
		return true;
	case OPT_EXPLAIN:
		o->explain = true;
		return true;
	case OPT_ALL_PATHS:
		o->all_paths = true;
		return true;
	case OPT_VERBOSE:
		o->verbose = true;
		return true;
	case OPT_LIST_INPUTS:
		o->list_inputs = true;
		return true;
	case OPT_FILE_OUTPUT:
		o->file_output = true;
		return true;
	case OPT_JOBS:
		if (!parse_uint(value, 1024, &n) || !n)
			goto bad;
		o->jobs = (int)n;
		return true;
	case OPT_SHARD: {
		char extra;

		if (sscanf(value, "%u/%u%c", &o->shard, &o->nshards, &extra) != 2 ||
		    !o->nshards || !o->shard || o->shard > o->nshards)
			goto bad;
		return true;
	}
	case OPT_CACHE_DIR:
		o->cache_dir = value;
		return true;
	case OPT_NO_CACHE:
		o->no_cache = true;
		return true;
	case OPT_IR_CACHE:
		o->ir_cache = value;
		return true;
	case OPT_DB_UPDATE:
		o->db_update = true;
		return true;
	case OPT_TU_TIME_LIMIT: {
		char *end;
		double secs = strtod(value, &end);

		if (*end || end == value || !(secs > 0 && secs <= 86400))
			goto bad;
		o->tu_time_limit = secs;
		o->limits.max_tu_seconds = secs;
		return true;
	}
	case OPT_HELP:
		o->help = true;
		return true;
	case OPT_VERSION:
		o->version = true;
		return true;
	}
bad:
	*err = xasprintf("invalid value '%s' for %s", value, opt->name);
	return false;
}

/* One of ladder's long options?  Handles "--x=v" and "--x v". */
static size_t jobs_index(void)
{
	size_t k;

	for (k = 0; k < ARRAY_SIZE(opts_table); k++)
		if (opts_table[k].id == OPT_JOBS)
			break;
	return k;
}

static int match_option(struct options *o, int argc, char **argv, int i,
			char **err)
{
	const char *arg = argv[i], *eq = strchr(arg, '=');
	size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
	size_t k;

	for (k = 0; k < ARRAY_SIZE(opts_table); k++) {
		const struct opt *opt = &opts_table[k];

		if (strlen(opt->name) != len || strncmp(arg, opt->name, len))
			continue;
		if (!opt->value) {
			if (eq) {
				*err = xasprintf("%s takes no value", opt->name);
				return -1;
			}
			return apply(o, opt, NULL, err) ? 1 : -1;
		}
		if (eq)
			return apply(o, opt, eq + 1, err) ? 1 : -1;
		if (i + 1 >= argc) {
			*err = xasprintf("%s needs a value", opt->name);
			return -1;
		}
		return apply(o, opt, argv[i + 1], err) ? 2 : -1;
	}
	return 0;
}

static bool parse(int argc, char **argv, bool scan, struct options *o,
		  char **err)
{
	bool ladder_opts = true;
	int i, used;

	memset(o, 0, sizeof(*o));
	o->scan = scan;
	o->tu_time_limit = 600;
	o->limits.max_tu_seconds = 600;
	o->limits.max_steps = 200000;
	o->limits.max_block_states = 512;
	o->limits.max_seconds = 10;
	o->files = xcalloc((size_t)argc, sizeof(*o->files));
	o->cflags = xcalloc((size_t)argc, sizeof(*o->cflags));
	*err = NULL;
	for (i = 1; i < argc; i++) {
		const char *arg = argv[i];

		if (ladder_opts && !strcmp(arg, "--")) {
			ladder_opts = false;
			continue;
		}
		if (ladder_opts && !strcmp(arg, "--help=models")) {
			o->help_models = true;
			continue;
		}
		if (ladder_opts && arg[0] == '-' && arg[1] == '-') {
			used = match_option(o, argc, argv, i, err);
			if (used < 0)
				return false;
			if (used) {
				i += used - 1;
				continue;
			}
		}
		if (ladder_opts && !strcmp(arg, "-p")) {
			if (i + 1 >= argc) {
				*err = xasprintf("-p needs a build directory");
				return false;
			}
			o->build_dir = argv[++i];
			continue;
		}
		if (ladder_opts && scan && !strcmp(arg, "-j") && i + 1 < argc) {
			if (!apply(o, &opts_table[0] + jobs_index(), argv[++i], err))
				return false;
			continue;
		}
		/* kbuild never passes -o to CHECK: here it is ladder's. */
		if (ladder_opts && !strcmp(arg, "-o")) {
			if (i + 1 >= argc) {
				*err = xasprintf("-o needs a file name");
				return false;
			}
			o->output = argv[++i];
			continue;
		}
		if (takes_separate_value(arg) && i + 1 < argc) {
			o->cflags[o->ncflags++] = arg;
			o->cflags[o->ncflags++] = argv[++i];
			continue;
		}
		if (is_source_file(arg) || (scan && arg[0] != '-'))
			o->files[o->nfiles++] = arg;
		else if (arg[0] == '-')
			o->cflags[o->ncflags++] = arg;
		else {
			*err = xasprintf("'%s' is neither an option nor a .c or .i file", arg);
			return false;
		}
	}
	if (o->diff && o->since) {
		*err = xasprintf("--diff and --since both say what changed; give one");
		return false;
	}
	return true;
}

bool options_parse(int argc, char **argv, struct options *o, char **err)
{
	return parse(argc, argv, false, o, err);
}

bool options_parse_paths(int argc, char **argv, struct options *o, char **err)
{
	return parse(argc, argv, true, o, err);
}

void options_free(struct options *o)
{
	free(o->extra_rules);
	free(o->files);
	free(o->cflags);
}

void options_usage(FILE *out)
{
	size_t i;

	fputs("usage: ladder [options] [compiler flags] FILE.c|FILE.i...\n"
	      "       ladder [options] -p BUILD_DIR [FILE...]\n"
	      "       ladder mine [options] -o OUT.yaml FILE...|-p BUILD_DIR\n"
	      "       ladder db --db=OUT.db [options] FILE...|-p BUILD_DIR\n"
	      "       ladder db --merge --db=OUT.db SHARD.db...\n\n"
	      "Finds resources not released on error paths of kernel C code.\n\n"
	      "options:\n", out);
	fputs("  -p BUILD_DIR            take flags from BUILD_DIR/compile_commands.json\n"
	      "  -o FILE                 same as --output=FILE\n", out);
	for (i = 0; i < ARRAY_SIZE(opts_table); i++) {
		const struct opt *opt = &opts_table[i];
		int n = fprintf(out, "  %s%s%s", opt->name, opt->value ? "=" : "",
				opt->value ? opt->value : "");

		fprintf(out, "%*s%s\n", n < 26 ? 26 - n : 1, "", opt->help);
	}
	fputs("  --                      end of ladder's options\n\n"
	      "Other arguments are compiler flags, passed to Clang.\n"
	      "Exit status: 0 analysis ran, N (--error-exitcode) findings,\n"
	      "2 usage or input error, 3 a file did not parse cleanly.\n", out);
}
