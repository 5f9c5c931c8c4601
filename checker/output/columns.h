/* SPDX-License-Identifier: GPL-2.0 */
/* Columns that exist in the source file a location names. */
#ifndef LADDER_COLUMNS_H
#define LADDER_COLUMNS_H

#include "ir.h"

/*
 * A column past the end of its line in @loc's file (when readable)
 * becomes the line's first non-blank column.
 */
void columns_clamp(struct ir_loc *loc);
/* Drop the cached file. */
void columns_forget(void);

#endif
