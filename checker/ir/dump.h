/* SPDX-License-Identifier: GPL-2.0 */
/* dump.h - the IR as text (--dump-ir). */
#ifndef LADDER_IR_DUMP_H
#define LADDER_IR_DUMP_H

#include "ir.h"

/* Print @fn's IR tree on stdout, one node a line. */
void ir_dump(const struct ir_func *fn);

#endif
