/* SPDX-License-Identifier: GPL-2.0 */
/* Translation of one function's Clang AST into the IR (ir.h). */
#ifndef LADDER_AST_H
#define LADDER_AST_H

#include <clang-c/Index.h>
#include "ir.h"
#include "util.h"

struct ir_func *ast_translate(CXCursor fn, struct arena *arena,
			      struct strtab *strings);

/* The presumed (line-marker aware) location of a cursor. */
struct ir_loc ast_location(CXCursor c, struct strtab *strings);

#endif
