/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ladder mine: pairs learnt from many translation units, written as a
 * rules file (origin: mined) that --extra-rules loads.
 */
#ifndef LADDER_MINE_H
#define LADDER_MINE_H

#include <stdio.h>

#include "infer.h"
#include "rules.h"

struct miner;

struct miner *miner_new(void);
void miner_free(struct miner *m);
/* The evidence of one translation unit, @file, read by inference. */
void miner_add(struct miner *m, const char *file, const struct inference *inf);
/*
 * The candidates seen in at least @min_support functions of at least two
 * files, best supported first, as a rules file.  Returns how many.
 */
unsigned miner_write(const struct miner *m, const struct rules *rules,
		     FILE *out, unsigned min_support);

/* The same candidates for a person: support, and two places each was seen. */
unsigned miner_review(const struct miner *m, FILE *out, unsigned min_support);

#endif
