// Model keep-when-skipped: a release guarded by a call made only there
// is skipped by choice when the call says no.  The last reference frees
// the object; when another holder keeps it, the path keeps it too.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-keep-when-skipped %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

struct obj { int refs; void *data; };
int atomic_dec_and_test(int *v);
int some_setup(void);

// OFF-LABEL: In function 'last_reference_frees':
int last_reference_frees(struct device *dev)
{
	struct obj *o = kzalloc(sizeof(*o), GFP_KERNEL);
	int ret;

	if (!o)
		return -ENOMEM;
	ret = some_setup();
	if (ret) {
		if (atomic_dec_and_test(&o->refs))
			kfree(o);
		// OFF: keep-when-skipped.c:[[@LINE+1]]:3: warning: 'o' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return ret;
	}
	kfree(o);
	return 0;
}

// A guard the function also asks elsewhere ("if (can_cd(mmc)) enable
// ... if (can_cd(mmc)) disable") asks again what decided the acquire:
// the model leaves it to path conditions, and a call ladder does not
// know to answer alike may say yes, then no.
struct mmc_host;
bool card_present(struct mmc_host *host);
struct holder { struct mmc_host *mmc; struct clk *clk; };

// CHECK-LABEL: In function 'guard_asked_twice':
int guard_asked_twice(struct holder *h)
{
	int ret;

	if (card_present(h->mmc)) {
		ret = clk_prepare_enable(h->clk);
		if (ret)
			return ret;
	}
	ret = some_setup();
	if (ret) {
		if (card_present(h->mmc))
			clk_disable_unprepare(h->clk);
		// CHECK: keep-when-skipped.c:[[@LINE+1]]:3: warning: 'h->clk' from clk_prepare_enable() is not released on this error path; clk_disable_unprepare() is missing [ladder-leak]
		return ret;
	}
	return 0;
}
