/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Baselines: the findings a project has accepted for now, by
 * fingerprint, so CI fails only on new ones.
 */
#ifndef LADDER_BASELINE_H
#define LADDER_BASELINE_H

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

struct baseline;

/* NULL with a one-line message in *err (caller frees) when unreadable. */
struct baseline *baseline_load(const char *path, char **err);
void baseline_free(struct baseline *b);

/* Is @f (a --format=json finding) in the baseline?  Marks the entry seen. */
bool baseline_covers(struct baseline *b, const json_t *f);

/* Print the entries no finding matched; returns how many. */
unsigned baseline_report_stale(const struct baseline *b, FILE *out);

/* Findings gathered for --write-baseline. */
struct baseline *baseline_new(void);
void baseline_add(struct baseline *b, const json_t *f);
bool baseline_write(const struct baseline *b, const char *path, char **err);

#endif
