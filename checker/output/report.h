/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Findings and how they are printed: gcc-style text for people and
 * kbuild, one JSON document for tools.
 */
#ifndef LADDER_REPORT_H
#define LADDER_REPORT_H

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include "ir.h"

struct note {
	struct ir_loc loc;
	char *text;
};

struct call_site {
	const char *call;		/* function name, NULL if none */
	struct ir_loc loc;
};

struct finding {
	const char *check;		/* stable check name: "leak" */
	const char *function;
	unsigned function_first, function_last;	/* lines of its definition */
	struct ir_loc loc;
	char *message;
	const char *resource;
	struct call_site acquire, release;
	const char *missing;		/* leak: the release that is missing */
	struct note *notes;
	unsigned nnotes, capnotes;
	char *key;			/* identity, for de-duplication */
	unsigned order;
};

enum output_format { FORMAT_TEXT, FORMAT_JSON, FORMAT_SARIF };

/* Returns true to drop finding @f (a JSON object, as --format=json has it). */
typedef bool report_filter(void *data, const json_t *f);

struct report;

struct report *report_new(enum output_format format, FILE *out);
void report_free(struct report *r);

/*
 * A new finding with identity @key, or NULL when one with that key was
 * already made (the same bug seen along another path).  @dup receives
 * that earlier finding so the caller can add to it.
 */
struct finding *report_add(struct report *r, const char *key,
			   struct finding **dup);
/* The finding with identity @key made so far, or NULL. */
struct finding *report_find(struct report *r, const char *key);
/*
 * Take back @f, made earlier for the current translation unit: what the
 * rest of its function's paths showed makes it no finding.
 */
void report_withdraw(struct report *r, struct finding *f);
void finding_note(struct finding *f, struct ir_loc loc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The analysis of @function stopped early; say so rather than stay silent. */
void report_bound(struct report *r, const char *function, struct ir_loc loc,
		  const char *reason);

void report_file_begin(struct report *r, const char *file);
void report_file_end(struct report *r, bool parse_failed);
/*
 * Forget the findings and bounds made since the file began, unreported:
 * a scratch report for functions explored only for what they teach.
 */
void report_discard(struct report *r);
void report_count_function(struct report *r);
void report_parse_error(struct report *r, const char *file, const char *first);

/* Findings matching @filter are counted as suppressed, not reported. */
void report_set_filter(struct report *r, report_filter *filter, void *data);

/*
 * Hand over one finding or bound note as JSON (takes the reference): how
 * findings reach the output, whether from this run's analysis or from a
 * saved one (ladder merge, the scan cache).
 */
void report_take_finding(struct report *r, json_t *f);
void report_take_bound(struct report *r, json_t *b);

/*
 * Take a saved run, a --format=json document (not taken): its counts,
 * parse errors, bounds and findings, as if this run had made them.
 */
void report_take_run(struct report *r, const json_t *doc);

/* A file the translation unit read (--list-inputs, for the scan cache). */
void report_input(struct report *r, const char *path);
/* JSON: one more member of "stats" (@value's reference is taken). */
void report_add_stat(struct report *r, const char *key, json_t *value);

/* A model (engine/models.h) kept one owed resource from being reported. */
void report_count_silenced(struct report *r, const char *model);
/* Each model's count, as --stats and the JSON stats' "silenced" give it. */
const json_t *report_silenced(const struct report *r);

unsigned report_total_findings(const struct report *r);
unsigned report_suppressed(const struct report *r);
/* Print what remains (JSON: the whole document). */
void report_finish(struct report *r);

#endif
