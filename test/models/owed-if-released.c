// Model owed-if-released: a pair the rules mark "owed: if-released" is
// owed only where the function releases it somewhere.
// drivers/i2c/busses/i2c-rzv2m.c: "The reset also affects other HW that
// is not under the control of Linux.  Therefore, all we can do is
// deassert the reset."  Never asserted anywhere here: deliberate.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-owed-if-released %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

struct reset_control *devm_reset_control_get_shared(struct device *dev, const char *id);
int some_setup(void);

// OFF-LABEL: In function 'shared_reset_for_good':
int shared_reset_for_good(struct device *dev)
{
	struct reset_control *rstc = devm_reset_control_get_shared(dev, NULL);

	if (IS_ERR(rstc))
		return PTR_ERR(rstc);
	reset_control_deassert(rstc);
	if (some_setup())
		// OFF: owed-if-released.c:[[@LINE+1]]:3: warning: 'rstc' from reset_control_deassert() is not released on this error path; reset_control_assert() is missing [ladder-leak]
		return -EIO;
	return 0;
}

// Asserted again on one error path, the reset is owed on the others,
// model or not.
// CHECK-LABEL: In function 'reset_undone_once':
int reset_undone_once(struct device *dev)
{
	struct reset_control *rstc = devm_reset_control_get_shared(dev, NULL);
	int ret;

	if (IS_ERR(rstc))
		return PTR_ERR(rstc);
	ret = reset_control_deassert(rstc);
	if (ret)
		return ret;
	ret = some_setup();
	if (ret < 0)
		goto assert;
	if (ret > 1)
		// CHECK: owed-if-released.c:[[@LINE+1]]:3: warning: 'rstc' from reset_control_deassert() is not released on this error path; reset_control_assert() is missing [ladder-leak]
		return -EIO;
	return 0;
assert:
	reset_control_assert(rstc);
	return ret;
}
