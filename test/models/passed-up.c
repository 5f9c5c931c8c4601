// Model passed-up: a static helper whose every caller in the file tests
// its result and returns (through its unwind ladder), up to a callback
// a framework calls from an ops table, is cleaned after only by what
// those returns release.  A caller that releases the pair elsewhere (an
// exit helper after another call failed) is no evidence that anything
// cleans after this one: a PHY's init enables its supplies and clock,
// its power_on callback calls init and passes a failure straight up
// (drivers/phy/qualcomm/phy-qcom-qmp-pcie.c, qmp_pcie_init() under
// qmp_pcie_enable()).  Silent where the returns do release the member,
// a pair by no member's name, or where a caller may have callers
// elsewhere (an external function).
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-passed-up %s | FileCheck %s --check-prefix=OFF --allow-empty --implicit-check-not=warning:

#include "kernel.h"

struct phy;
struct qmp { struct clk *clk; struct clk *pipe_clk; void *rings; void *table; };
int hw_reset(struct qmp *qmp);
int hw_start(struct qmp *qmp);
struct qmp *phy_get_drvdata(struct phy *phy);

struct phy_ops { int (*init)(struct phy *); int (*power_on)(struct phy *); };

// CHECK-LABEL: In function 'qmp_init':
// OFF-NOT: warning:
static int qmp_init(struct qmp *qmp)
{
	int ret;

	ret = clk_prepare_enable(qmp->clk);
	if (ret)
		return ret;
	ret = hw_reset(qmp);
	if (ret)
		// CHECK: passed-up.c:[[@LINE+1]]:3: warning: 'qmp->clk' from clk_prepare_enable() is not released on this error path; clk_disable_unprepare() is missing [ladder-leak]
		return ret;
	return 0;
}

static void qmp_exit(struct qmp *qmp)
{
	clk_disable_unprepare(qmp->clk);
}

static int qmp_power_on(struct qmp *qmp)
{
	return hw_start(qmp);
}

static int qmp_enable(struct phy *phy)
{
	struct qmp *qmp = phy_get_drvdata(phy);
	int ret;

	ret = qmp_init(qmp);
	if (ret)
		return ret;
	ret = qmp_power_on(qmp);
	if (ret)
		qmp_exit(qmp);
	return ret;
}

// The ladder after the helper's failure frees the member it filled.
static int qmp_alloc_rings(struct qmp *qmp)
{
	qmp->rings = kzalloc(64, GFP_KERNEL);
	if (!qmp->rings)
		return -ENOMEM;
	if (hw_reset(qmp))
		return -EIO;
	return 0;
}

// Through a helper of the caller's own that frees through a local: a
// release naming no member may be any.
static void qmp_free_table(struct qmp *qmp)
{
	void *table = qmp->table;

	kfree(table);
}

static int qmp_alloc_table(struct qmp *qmp)
{
	qmp->table = kzalloc(64, GFP_KERNEL);
	if (!qmp->table)
		return -ENOMEM;
	if (hw_reset(qmp))
		return -EIO;
	return 0;
}

static int qmp_phy_init(struct phy *phy)
{
	struct qmp *qmp = phy_get_drvdata(phy);
	int ret;

	ret = qmp_alloc_rings(qmp);
	if (ret)
		goto err;
	ret = qmp_alloc_table(qmp);
	if (ret)
		goto err_table;
	return 0;

err_table:
	qmp_free_table(qmp);
err:
	kfree(qmp->rings);
	return ret;
}

static const struct phy_ops qmp_ops = {
	.init = qmp_phy_init,
	.power_on = qmp_enable,
};

// A caller whose failure path calls a function of another file that no
// rule describes may clean anything there (rsi_91x_deinit()): the old
// evidence stands.
struct qmp_buf { void *buf; void *table; };
void other_file_deinit(struct qmp_buf *qb);
struct qmp_buf *buf_of(struct phy *phy);

static int qmp_alloc_buf(struct qmp_buf *qb)
{
	qb->buf = kzalloc(64, GFP_KERNEL);
	if (!qb->buf)
		return -ENOMEM;
	if (hw_reset(NULL))
		return -EIO;
	return 0;
}

static int qmp_buf_probe(struct phy *phy)
{
	struct qmp_buf *qb = buf_of(phy);
	int ret;

	ret = qmp_alloc_buf(qb);
	if (ret)
		goto err;
	if (hw_start(NULL)) {
		kfree(qb->table);
		return -EIO;
	}
	return 0;
err:
	other_file_deinit(qb);
	return ret;
}

static const struct phy_ops qmp_buf_ops = {
	.init = qmp_buf_probe,
};

const struct phy_ops *qmp_get_buf_ops(void)
{
	return &qmp_buf_ops;
}

// An external caller may itself be called from a file that cleans:
// the old evidence stands.
static int pipe_on(struct qmp *qmp)
{
	int ret = clk_prepare_enable(qmp->pipe_clk);

	if (ret)
		return ret;
	if (hw_start(qmp))
		return -EIO;
	return 0;
}

int qmp_pipe_start(struct qmp *qmp)
{
	int ret = pipe_on(qmp);

	if (ret)
		return ret;
	if (hw_reset(qmp)) {
		clk_disable_unprepare(qmp->pipe_clk);
		return -EIO;
	}
	return 0;
}

const struct phy_ops *qmp_get_ops(void)
{
	return &qmp_ops;
}
