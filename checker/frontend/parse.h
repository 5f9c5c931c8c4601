/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Parsing a translation unit with libclang and choosing the functions to
 * analyse: those defined in the main source file.  libclang's own types
 * stay behind struct parsed_file.
 */
#ifndef LADDER_PARSE_H
#define LADDER_PARSE_H

#include <stdbool.h>
#include "infer.h"
#include "ir.h"
#include "report.h"
#include "rules.h"
#include "util.h"

struct parsed_file;

/*
 * Parse @file with the compiler flags @flags.  NULL, with one line on
 * stderr, when there is nothing to analyse: a missing or unreadable
 * file, or no translation unit.
 */
struct parsed_file *parse_file(const char *file, const char *const *flags,
			       int nflags, bool verbose, struct strtab *strings,
			       const struct rules *rules);
void parsed_free(struct parsed_file *pf);
/*
 * The presumed name of the main source (drivers/x/foo.c for the foo.i its
 * line markers say it came from), interned; the path given otherwise.
 */
const char *parsed_main_name(const struct parsed_file *pf);

/* How many errors libclang reported; the first's text (interned) in *@first. */
unsigned parsed_errors(const struct parsed_file *pf, const char **first);
/* The IR of the main source's functions into *@fns (xcalloc'ed); how many. */
unsigned parsed_functions(const struct parsed_file *pf, struct arena *arena,
			  struct ir_func ***fns);
/* The IR of the header inline function @name (interned), or NULL. */
struct ir_func *parsed_inline(const struct parsed_file *pf, const char *name,
			      struct arena *arena);
/* What the file's initialisers pair (.probe/.remove, module_exit()). */
/* {setup, teardown}: callbacks of one ops whose teardown undoes a failed setup */
const struct callback_pair *parsed_failure_teardowns(const struct parsed_file *pf,
						   unsigned *n);
const struct callback_pair *parsed_callbacks(const struct parsed_file *pf,
					     unsigned *n);
/*
 * The functions a file-scope initialiser names (".preinit = foo_preinit"
 * in an ops table), interned, repeats included: called through the
 * table, from wherever the table goes.
 */
const char *const *parsed_tabled_functions(const struct parsed_file *pf,
					   unsigned *n);
/* Every file the TU read, the main file included (xmalloc'ed, interned). */
const char **parsed_inputs(const struct parsed_file *pf, unsigned *n);

#endif
