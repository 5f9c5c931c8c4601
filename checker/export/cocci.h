/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Coccinelle semantic patches generated from the rules: one script per
 * rules file, in the kernel's "make coccicheck" conventions.
 */
#ifndef LADDER_COCCI_H
#define LADDER_COCCI_H

struct rules;

/*
 * Write DIR/<stem>.cocci for every rules file that defines a pair.
 * Returns how many scripts were written, or -1 with a one-line message
 * in *err (caller frees).
 */
int cocci_generate(const struct rules *rules, const char *dir, char **err);

#endif
