// Releases of what this path never acquired: a goto to the wrong rung.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:

#include "kernel.h"

struct priv { struct clk *clk; struct regulator *reg; };

// The clk_get() failure jumps to a label that puts the clock.
// CHECK: In function 'wrong_rung':
int wrong_rung(struct device *dev, struct priv *p)
{
	struct clk *clk;
	int ret;

	clk = clk_get(dev, "bus");
	if (IS_ERR(clk)) {
		ret = PTR_ERR(clk);
		goto put_clk;
	}
	ret = some_setup();
	if (ret)
		goto put_clk;
	p->clk = clk;
	return 0;
put_clk:
	// CHECK: wrong-label.c:[[@LINE+1]]:2: warning: clk_put() releases 'clk', which holds an error pointer: clk_get() failed on this path [ladder-release-unacquired]
	clk_put(clk);
	return ret;
}

// A failed enable must not be disabled: regulator_disable() is not
// NULL-safe and would unbalance the enable count.
// CHECK: In function 'disable_after_failed_enable':
int disable_after_failed_enable(struct priv *p)
{
	int ret = regulator_enable(p->reg);

	if (ret)
		goto disable;
	ret = some_setup();
	if (ret)
		goto disable;
	return 0;
disable:
	// CHECK: wrong-label.c:[[@LINE+1]]:2: warning: regulator_disable() releases 'p->reg', but regulator_enable() failed on this path [ladder-release-unacquired]
	regulator_disable(p->reg);
	return ret;
}

// kfree(NULL) on a failed allocation is the usual, harmless ladder.
int kfree_null_is_fine(void)
{
	void *a = kmalloc(8, GFP_KERNEL), *b;

	if (!a)
		return -ENOMEM;
	b = kmalloc(8, GFP_KERNEL);
	if (!b)
		goto free;
	if (some_hw_init(b))
		goto free;
	// Nothing keeps 'a' on success (b went to some_hw_init()).
	// CHECK: wrong-label.c:[[@LINE+1]]:2: warning: 'a' from kmalloc() is still held at this return, and nothing but a local variable holds it; kfree() is missing [ladder-lost-handle]
	return 0;
free:
	kfree(b);
	kfree(a);
	return -ENOMEM;
}

// The map failed: jumping past the unmap is right.
int ffa_rxtx_map(phys_addr_t tx_buf, phys_addr_t rx_buf, unsigned pg_cnt);
int ffa_rxtx_unmap(void);

// CHECK: In function 'unmap_unmapped':
int unmap_unmapped(void *buf)
{
	int ret = ffa_rxtx_map(virt_to_phys(buf), virt_to_phys(buf), 1);

	if (ret)
		goto unmap;
	ret = some_setup();
	if (ret)
		goto unmap;
	return 0;
unmap:
	// CHECK: wrong-label.c:[[@LINE+1]]:2: warning: ffa_rxtx_unmap() undoes ffa_rxtx_map(), which failed on this path [ladder-release-unacquired]
	ffa_rxtx_unmap();
	return ret;
}

// A toggle: the put balances a get made by an earlier call.
int toggle(struct device *dev, bool enable)
{
	if (enable)
		return pm_runtime_resume_and_get(dev);
	pm_runtime_put(dev);
	return 0;
}

// A flag bit tested twice is one condition.
struct client { unsigned flags; struct device *adapter; };
#define CLIENT_NOTIFY 0x40

int flag_bit(struct client *c)
{
	int ret;

	if (c->flags & CLIENT_NOTIFY)
		pm_runtime_get_sync(c->adapter);
	ret = some_setup();
	if (ret)
		goto put;
	return 0;
put:
	if (c->flags & CLIENT_NOTIFY)
		pm_runtime_put(c->adapter);
	return ret;
}

// drivers/spi/spi-dw-core.c, dw_spi_add_controller(): -ENOTCONN from
// request_irq() (IRQ_NOTCONNECTED, polling mode) is accepted by name, and
// free_irq() on that number is a no-op.  Any other failure still counts.
#define ENOTCONN 107
int irq_not_connected(int irq, void *host)
{
	int ret = request_irq(irq, NULL, 0, "dw", host);

	if (ret < 0 && ret != -ENOTCONN)
		return ret;
	ret = some_setup();
	if (ret)
		goto err_free_irq;
	return 0;
err_free_irq:
	free_irq(irq, host);
	return ret;
}
