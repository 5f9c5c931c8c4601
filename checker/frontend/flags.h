/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Compiler flags as Clang should see them.  kbuild's CHECK line carries
 * sparse's flags and gcc's dependency options; passing -Wp,-MMD,file to
 * Clang would make ladder write kbuild's own dependency file.
 */
#ifndef LADDER_FLAGS_H
#define LADDER_FLAGS_H

#include <stdbool.h>

/*
 * Filter @in into a new array (caller frees the array, not the strings).
 * Dropped flags are listed on stderr when @verbose.
 */
const char **flags_for_clang(const char *const *in, int n, int *nout,
			     bool verbose);

#endif
