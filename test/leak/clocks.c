// A clock is prepared and enabled: two states, each with its own count.
// clk_prepare_enable() takes both, clk_disable_unprepare() drops both,
// and a driver may drop one alone (spi-mt65xx keeps its clocks prepared
// with clk_disable()); what it still owes is the other.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:

#include "kernel.h"

struct mtk_spi { struct clk *spi_clk, *spi_hclk; int no_need_unprepare, pad_num; };
int mtk_check_pads(struct mtk_spi *mdata);

// Both states leaked: one warning, naming the call that undoes both.
// CHECK-LABEL: In function 'both_leaked':
int both_leaked(struct mtk_spi *mdata)
{
	int ret = clk_prepare_enable(mdata->spi_clk);

	if (ret < 0)
		return ret;
	if (mtk_check_pads(mdata))
		// CHECK: clocks.c:[[@LINE+1]]:3: warning: 'mdata->spi_clk' from clk_prepare_enable() is not released on this error path; clk_disable_unprepare() is missing [ladder-leak]
		return -EINVAL;
	clk_disable_unprepare(mdata->spi_clk);
	return 0;
}

// spi-mt65xx.c, mtk_spi_probe(): with no_need_unprepare the clock stays
// prepared, and the pad check's return never unprepares it.
// CHECK-LABEL: In function 'mt65xx_keeps_prepared':
int mt65xx_keeps_prepared(struct mtk_spi *mdata)
{
	int ret;

	ret = clk_prepare_enable(mdata->spi_clk);
	if (ret < 0)
		return ret;
	if (mdata->no_need_unprepare)
		clk_disable(mdata->spi_clk);
	else
		clk_disable_unprepare(mdata->spi_clk);
	if (mdata->pad_num != 2)
		// CHECK: clocks.c:[[@LINE+1]]:3: warning: 'mdata->spi_clk' from clk_prepare_enable() is not released on this error path; clk_unprepare() is missing [ladder-leak]
		return -EINVAL;
	return 0;
}

// Silent: each half undone by its own call.
// halves_undone
int halves_undone(struct mtk_spi *mdata)
{
	int ret = clk_prepare_enable(mdata->spi_clk);

	if (ret)
		return ret;
	ret = mtk_check_pads(mdata);
	if (ret) {
		clk_disable(mdata->spi_clk);
		clk_unprepare(mdata->spi_clk);
		return ret;
	}
	return 0;
}

// Silent: prepared and enabled by two calls, undone by one.
// split_then_both
int split_then_both(struct mtk_spi *mdata)
{
	int ret = clk_prepare(mdata->spi_clk);

	if (ret)
		return ret;
	ret = clk_enable(mdata->spi_clk);
	if (ret)
		goto err_unprepare;
	ret = mtk_check_pads(mdata);
	if (ret)
		goto err_disable;
	return 0;

err_disable:
	clk_disable_unprepare(mdata->spi_clk);
	return ret;
err_unprepare:
	clk_unprepare(mdata->spi_clk);
	return ret;
}

// Enabled but never prepared on this path is no leak of the enable:
// the enable failed.  The prepare is still owed.
// CHECK-LABEL: In function 'enable_failed':
int enable_failed(struct mtk_spi *mdata)
{
	int ret = clk_prepare(mdata->spi_clk);

	if (ret)
		return ret;
	ret = clk_enable(mdata->spi_clk);
	if (ret)
		// CHECK: clocks.c:[[@LINE+1]]:3: warning: 'mdata->spi_clk' from clk_prepare() is not released on this error path; clk_unprepare() is missing [ladder-leak]
		return ret;
	clk_disable(mdata->spi_clk);
	clk_unprepare(mdata->spi_clk);
	return 0;
}

// A failed clk_prepare_enable() owes nothing; jumping to a label that
// disables and unprepares it is one finding, not one per state.
// CHECK-LABEL: In function 'wrong_label':
int wrong_label(struct mtk_spi *mdata)
{
	int ret = clk_prepare_enable(mdata->spi_hclk);

	if (ret)
		return ret;
	ret = clk_prepare_enable(mdata->spi_clk);
	if (ret)
		goto err_spi;
	return 0;

err_spi:
	// CHECK: clocks.c:[[@LINE+1]]:2: warning: clk_disable_unprepare() releases 'mdata->spi_clk', but clk_prepare_enable() failed on this path [ladder-release-unacquired]
	clk_disable_unprepare(mdata->spi_clk);
	clk_disable_unprepare(mdata->spi_hclk);
	return ret;
}

// Silent: the bulk calls pair up the same way.
// bulk
int bulk(struct mtk_spi *mdata, const struct clk_bulk_data *clks)
{
	int ret = clk_bulk_prepare_enable(2, clks);

	if (ret)
		return ret;
	ret = mtk_check_pads(mdata);
	if (ret) {
		clk_bulk_disable(2, clks);
		clk_bulk_unprepare(2, clks);
		return ret;
	}
	clk_bulk_disable_unprepare(2, clks);
	return 0;
}

// The bulk enable left behind: its prepare is undone, its enable is not.
// CHECK-LABEL: In function 'bulk_enable_left':
int bulk_enable_left(struct mtk_spi *mdata, const struct clk_bulk_data *clks)
{
	int ret = clk_bulk_prepare_enable(2, clks);

	if (ret)
		return ret;
	ret = mtk_check_pads(mdata);
	if (ret) {
		clk_bulk_unprepare(2, clks);
		// CHECK: clocks.c:[[@LINE+1]]:3: warning: 'clks' from clk_bulk_prepare_enable() is not released on this error path; clk_bulk_disable() is missing [ladder-leak]
		return ret;
	}
	clk_bulk_disable_unprepare(2, clks);
	return 0;
}
