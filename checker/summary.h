/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What each function of the translation unit may release, directly or
 * through the static helpers it calls.  A resource handed to such a
 * helper ("linehandle_free(lh)") may be released there, so it is no
 * longer owed on that path.
 */
#ifndef LADDER_SUMMARY_H
#define LADDER_SUMMARY_H

#include <stdbool.h>
#include "ir.h"
#include "rules.h"

struct summaries;

struct summaries *summaries_build(struct ir_func *const *fns, unsigned n,
				  const struct rules *rules);
void summaries_free(struct summaries *s);

/* May a call to @name release a resource of @pair? */
bool summary_may_release(const struct summaries *s, const char *name,
			 const struct pair *pair);
/* Is @name defined in this translation unit with a known summary? */
bool summary_releases_any(const struct summaries *s, const char *name);
/*
 * Does a function of the TU release what the global variable @name
 * holds, by a call naming it as the handle (destroy_workqueue(foo_wq),
 * kobject_put(efi_kobj))?
 */
bool summary_global_released(const struct summaries *s, const char *name);
/* Does @name, of this TU, give the same result for the same arguments? */
bool summary_is_stable(const struct summaries *s, const char *name);

#endif
