/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The lines a change touches, from a patch file (--diff) or from git
 * (--since REV), so CI reports only the functions a submission changed.
 */
#ifndef LADDER_DIFF_H
#define LADDER_DIFF_H

#include <jansson.h>
#include <stdbool.h>

struct changes;

/* NULL with a one-line message in *err (caller frees). */
struct changes *changes_from_patch(const char *path, char **err);
struct changes *changes_since(const char *rev, char **err);
void changes_free(struct changes *c);

/* Does the change touch the function finding @f is in? */
bool changes_touch(const struct changes *c, const json_t *f);

#endif
