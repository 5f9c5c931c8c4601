// Model undone-in-file: a pair the rules mark "owed: if-released" (a
// shared reset deasserted for good) is owed too where another function
// of the file releases it from the member it is kept in, without
// acquiring it: the driver keeps that resource balanced, so a function
// that fails after acquiring it must undo it.
// drivers/gpu/drm/sun4i/sun8i_hdmi_phy.c: sun8i_hdmi_phy_init()
// deasserts phy->rst_phy and sun8i_hdmi_phy_deinit() asserts it.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-undone-in-file %s | FileCheck %s --allow-empty --check-prefix=OFF --implicit-check-not=warning:
// OFF-NOT: warning:

#include "kernel.h"

struct phy_priv {
	struct reset_control *rst_phy;
	struct reset_control *rst_bus;
	struct clk *clk_bus;
};

int phy_clk_create(struct phy_priv *phy);

// CHECK-LABEL: In function 'phy_init':
int phy_init(struct phy_priv *phy)
{
	int ret;

	ret = reset_control_deassert(phy->rst_phy);
	if (ret)
		return ret;
	ret = clk_prepare_enable(phy->clk_bus);
	if (ret)
		// CHECK: undone-in-file.c:[[@LINE+1]]:3: warning: 'phy->rst_phy' from reset_control_deassert() is not released on this error path; reset_control_assert() is missing [ladder-leak]
		return ret;
	ret = phy_clk_create(phy);
	if (ret)
		goto err_disable_clk_bus;
	return 0;

err_disable_clk_bus:
	clk_disable_unprepare(phy->clk_bus);
	// CHECK: undone-in-file.c:[[@LINE+1]]:2: note: also not released at this error return
	return ret;
}

void phy_deinit(struct phy_priv *phy)
{
	clk_disable_unprepare(phy->clk_bus);
	reset_control_assert(phy->rst_phy);
}

// Another member of the same pair, which nothing in the file asserts:
// deasserted for good, as before.
int bus_init(struct phy_priv *phy)
{
	int ret;

	reset_control_deassert(phy->rst_bus);
	ret = phy_clk_create(phy);
	if (ret)
		return ret;
	return 0;
}

// A function that both deasserts and asserts the member is a cycle
// (a reset pulse), not an undo: it is no evidence.
struct other_priv {
	struct reset_control *rst;
};

int other_setup(struct other_priv *o);

void other_pulse(struct other_priv *o)
{
	reset_control_assert(o->rst);
	reset_control_deassert(o->rst);
}

int other_init(struct other_priv *o)
{
	int ret;

	reset_control_deassert(o->rst);
	ret = other_setup(o);
	if (ret)
		return ret;
	return 0;
}
