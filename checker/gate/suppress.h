/* SPDX-License-Identifier: GPL-2.0 */
/* Inline suppressions: "ladder: ignore[CHECK] reason" in a comment. */
#ifndef LADDER_SUPPRESS_H
#define LADDER_SUPPRESS_H

#include <jansson.h>
#include <stdbool.h>

/* True when the source silences finding @f (a --format=json object). */
bool suppress_inline(const json_t *f);
/* Drop the cached source text. */
void suppress_done(void);

#endif
