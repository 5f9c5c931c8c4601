/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Which findings reach the output: inline "ladder: ignore[...]"
 * comments, a baseline of accepted findings, the functions a change
 * touches.  What passes can be saved as a new baseline.
 */
#ifndef LADDER_GATE_H
#define LADDER_GATE_H

#include <stdbool.h>
#include "report.h"

struct options;
struct gate;

/* NULL with a one-line message in *err when a file cannot be read. */
struct gate *gate_new(const struct options *o, char **err);

/* The report filter: true drops @f.  @data is the gate. */
bool gate_drops(void *data, const json_t *f);

/*
 * After the run: list stale baseline entries on stderr and write the
 * new baseline.  False with *err when it cannot be written.
 */
bool gate_finish(struct gate *g, char **err);
void gate_free(struct gate *g);

#endif
