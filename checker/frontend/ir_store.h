/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the frontend hands the engine for one translation unit, and the
 * same kept on disk: the IR of the main source's functions and of the
 * header inlines they call, the callbacks its initialisers pair, its
 * parse errors and the files it read.  A second pass over a tree (the
 * summary database's fixed point, then the findings) reads it back
 * instead of parsing the file again, which is most of a run's cost.
 */
#ifndef LADDER_IR_STORE_H
#define LADDER_IR_STORE_H

#include <stddef.h>
#include "infer.h"
#include "ir.h"
#include "util.h"

struct tu_ir {
	const char *main_name;		/* presumed name of the main source */
	struct ir_func **fns;		/* the file's own, then header inlines */
	unsigned nfns, nown;
	const struct callback_pair *callbacks;	/* .probe/.remove, module_exit() */
	unsigned ncallbacks;
	const struct callback_pair *teardowns;	/* undone-after-failure pairs */
	unsigned nteardowns;
	const char *const *tabled;	/* functions file-scope initialisers name */
	unsigned ntabled;
	const char *const *inputs;	/* every file the TU read */
	unsigned ninputs;
	unsigned errors;		/* parse errors, and the first one's text */
	const char *first_error;
};

/* @t as bytes, into *@buf (xmalloc'ed); their length. */
size_t ir_store_encode(const struct tu_ir *t, unsigned char **buf);
/*
 * The tu_ir @len bytes at @buf encode, in @arena, its names interned in
 * @strings; NULL when they are not one (truncated, another version):
 * the caller parses the file instead.
 */
struct tu_ir *ir_store_decode(const unsigned char *buf, size_t len,
			      struct arena *arena, struct strtab *strings);

#endif
