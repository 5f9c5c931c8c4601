// SPDX-License-Identifier: GPL-2.0
/*
 * gate.c - the findings a CI job should see.
 *
 * In order: a finding silenced in the source is gone for good (not
 * even written to a new baseline); one outside the change is not shown;
 * what is left goes into --write-baseline, and is dropped when the
 * --baseline accepts it.  Baseline entries nothing matched are listed as
 * stale, except under --diff/--since, where most functions are not shown
 * and "not matched" means nothing.
 */
#include "gate.h"
#include "baseline.h"
#include "diff.h"
#include "options.h"
#include "suppress.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>

struct gate {
	struct baseline *accepted;	/* --baseline */
	struct baseline *record;	/* --write-baseline */
	const char *record_path;
	struct changes *changes;	/* --diff or --since */
};

struct gate *gate_new(const struct options *o, char **err)
{
	struct gate *g = xcalloc(1, sizeof(*g));

	*err = NULL;
	if (o->baseline && !(g->accepted = baseline_load(o->baseline, err)))
		goto fail;
	if (o->diff && !(g->changes = changes_from_patch(o->diff, err)))
		goto fail;
	if (o->since && !(g->changes = changes_since(o->since, err)))
		goto fail;
	if (o->write_baseline) {
		g->record = baseline_new();
		g->record_path = o->write_baseline;
	}
	return g;
fail:
	gate_free(g);
	return NULL;
}

bool gate_drops(void *data, const json_t *f)
{
	struct gate *g = data;

	if (suppress_inline(f))
		return true;
	if (g->changes && !changes_touch(g->changes, f))
		return true;
	if (g->record)
		baseline_add(g->record, f);
	return g->accepted && baseline_covers(g->accepted, f);
}

bool gate_finish(struct gate *g, char **err)
{
	*err = NULL;
	if (g->accepted && !g->changes)
		baseline_report_stale(g->accepted, stderr);
	if (g->record)
		return baseline_write(g->record, g->record_path, err);
	return true;
}

void gate_free(struct gate *g)
{
	if (!g)
		return;
	baseline_free(g->accepted);
	baseline_free(g->record);
	changes_free(g->changes);
	suppress_done();
	free(g);
}
