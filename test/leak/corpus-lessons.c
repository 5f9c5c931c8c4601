// What the real corpus taught: each function is reduced from the Linux
// 6.12 source named above it.  The first group must warn (real bugs ladder
// found there); the rest must stay silent (false positives it once gave).
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:

#include "kernel.h"

#define WARN_ON(condition) ({			\
	int __ret_warn_on = !!(condition);	\
	if (unlikely(__ret_warn_on))		\
		warn_slowpath();		\
	unlikely(__ret_warn_on);		\
})

void warn_slowpath(void);
void pm_runtime_get_noresume(struct device *dev);
int pm_runtime_put_sync_suspend(struct device *dev);
int pm_runtime_force_suspend(struct device *dev);
int spi_register_controller(void *ctlr);
struct reset_control *devm_reset_control_get_optional(struct device *dev, const char *id);
int acpi_load_table(void *table, unsigned *index);
struct task_struct;
struct task_struct *kthread_create_on_node(int (*fn)(void *), void *data, int node,
					   const char *name);
int wake_up_process(struct task_struct *p);
int wait_done(void);
struct spi_device { void *controller_data; };
void spi_set_ctldata(struct spi_device *spi, void *state);
void my_spi_cleanup(struct spi_device *spi);
int setup_dma(struct spi_device *spi);
void device_initialize(struct device *dev);
void device_del(struct device *dev);
int device_add(struct device *dev);
void put_device(struct device *dev);
int get_variable(void *buf);

struct pl330 { struct reset_control *rstc, *rstc_ocp; };

// drivers/dma/pl330.c, pl330_probe(): the first reset stays deasserted
// when getting the second fails.
// CHECK: In function 'reset_left_deasserted':
int reset_left_deasserted(struct device *dev, struct pl330 *pl330)
{
	int ret;

	pl330->rstc = devm_reset_control_get_optional(dev, "dma");
	if (IS_ERR(pl330->rstc))
		return PTR_ERR(pl330->rstc);
	ret = reset_control_deassert(pl330->rstc);
	if (ret)
		return ret;
	pl330->rstc_ocp = devm_reset_control_get_optional(dev, "dma-ocp");
	if (IS_ERR(pl330->rstc_ocp))
		// CHECK: corpus-lessons.c:[[@LINE+1]]:3: warning: 'pl330->rstc' from reset_control_deassert() is not released on this error path; reset_control_assert() is missing [ladder-leak]
		return PTR_ERR(pl330->rstc_ocp);
	ret = reset_control_deassert(pl330->rstc_ocp);
	if (ret)
		goto err;
	ret = some_setup();
	if (ret)
		goto err_ocp;
	return 0;
err_ocp:
	// An optional reset that is NULL was never deasserted: nothing owed.
	if (pl330->rstc_ocp)
		reset_control_assert(pl330->rstc_ocp);
err:
	if (pl330->rstc)
		reset_control_assert(pl330->rstc);
	return ret;
}

// drivers/spi/spi-mtk-nor.c, mtk_nor_probe(): the reference taken for
// registration is not dropped when registration fails.
// CHECK: In function 'noresume_leak':
int noresume_leak(struct device *dev, void *ctlr)
{
	int ret;

	pm_runtime_enable(dev);
	pm_runtime_get_noresume(dev);
	ret = spi_register_controller(ctlr);
	if (ret < 0)
		goto err_probe;
	pm_runtime_put(dev);
	return 0;
err_probe:
	pm_runtime_disable(dev);
	// CHECK: corpus-lessons.c:[[@LINE+1]]:2: warning: pm_runtime_get_noresume() is not undone on this error path; pm_runtime_put_noidle() is missing [ladder-leak]
	return ret;
}

// drivers/firmware/efi/efi.c, efivar_ssdt_load(): one leak of 'name', seen
// through the kzalloc() and the krealloc() that took it over: one warning.
// CHECK: In function 'realloc_loop':
int realloc_loop(size_t size)
{
	char *name = kzalloc(size, GFP_KERNEL);

	if (!name)
		return -ENOMEM;
	for (;;) {
		int status = get_variable(name);

		if (status == 5) {
			char *name_tmp = krealloc(name, size * 2, GFP_KERNEL);

			if (!name_tmp) {
				kfree(name);
				return -ENOMEM;
			}
			name = name_tmp;
			continue;
		}
		if (status)
			// CHECK: corpus-lessons.c:[[@LINE+1]]:4: warning: 'name' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
			return -EIO;
		break;
	}
	kfree(name);
	return 0;
}

// A stable call asked again after what it is given was written is a new
// question: the clock enabled under the first answer is owed.
struct mmc_host;
struct dw_host { struct mmc_host *mmc; struct clk *biu_clk; int flags; };
bool mmc_can_gpio_cd(struct mmc_host *host);
int mmc_card_is_removable(struct mmc_host *host);
int dw_ctrl_reset(struct dw_host *host);

// CHECK: In function 'reasked_after_store':
int reasked_after_store(struct dw_host *host, struct mmc_host *other)
{
	int ret;

	if (mmc_can_gpio_cd(host->mmc)) {
		ret = clk_prepare_enable(host->biu_clk);
		if (ret)
			return ret;
	}
	host->mmc = other;
	ret = dw_ctrl_reset(host);
	if (ret) {
		if (mmc_can_gpio_cd(host->mmc))
			clk_disable_unprepare(host->biu_clk);
		// CHECK: corpus-lessons.c:[[@LINE+1]]:3: warning: 'host->biu_clk' from clk_prepare_enable() is not released on this error path; clk_disable_unprepare() is missing [ladder-leak]
		return ret;
	}
	return 0;
}

// A helper of the file that writes through its argument is not stable.
static int dw_claim_cd(struct dw_host *host)
{
	host->flags ^= 1;
	return host->flags & 1;
}

// CHECK: In function 'helper_with_effects':
int helper_with_effects(struct dw_host *host)
{
	int ret;

	if (dw_claim_cd(host)) {
		ret = clk_prepare_enable(host->biu_clk);
		if (ret)
			return ret;
	}
	ret = dw_ctrl_reset(host);
	if (ret) {
		if (dw_claim_cd(host))
			clk_disable_unprepare(host->biu_clk);
		// CHECK: corpus-lessons.c:[[@LINE+1]]:3: warning: 'host->biu_clk' from clk_prepare_enable() is not released on this error path; clk_disable_unprepare() is missing [ladder-leak]
		return ret;
	}
	return 0;
}

// A release guarded by a call that then returns is an error exit of its
// own, not a choice to keep the resource: the path past it still owes.
int check_hw(struct device *dev);

// CHECK: In function 'guard_that_returns':
int guard_that_returns(struct device *dev)
{
	void *buf = kzalloc(64, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	if (check_hw(dev)) {
		kfree(buf);
		return -EIO;
	}
	if (some_setup())
		// CHECK: corpus-lessons.c:[[@LINE+1]]:3: warning: 'buf' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -EINVAL;
	kfree(buf);
	return 0;
}

struct irq_domain;
struct irq_domain *irq_domain_create_linear(void *fwnode, unsigned size,
					    const void *ops, void *data);
void irq_domain_remove(struct irq_domain *d);
struct gchip { struct irq_domain *domain; int initialized; };

// A helper that may fail for other reasons than a NULL argument still
// leaves the path that follows its failure.
static int gc_claim(struct gchip *gc, struct irq_domain *domain)
{
	if (!domain)
		return -EINVAL;
	if (gc->initialized)
		return -EIO;
	gc->domain = domain;
	return 0;
}

// CHECK: In function 'helper_can_fail':
int helper_can_fail(struct gchip *gc, void *fwnode)
{
	struct irq_domain *domain = irq_domain_create_linear(fwnode, 32, NULL, gc);
	int ret;

	if (!domain)
		return -ENOMEM;
	ret = gc_claim(gc, domain);
	if (ret)
		// CHECK: corpus-lessons.c:[[@LINE+1]]:3: warning: 'domain' from irq_domain_create_linear() is not released on this error path; irq_domain_remove() is missing [ladder-leak]
		return ret;
	return 0;
}

// drivers/dma/owl-dma.c, owl_dma_prep_slave_sg(): the lli from the
// file's own allocator is not yet on txd's list when its configuration
// fails, so freeing txd does not free it.  With a direction the caller
// chose, owl_dma_cfg_lli() can fail.
enum dma_dir { DMA_MEM_TO_MEM, DMA_MEM_TO_DEV, DMA_DEV_TO_MEM, DMA_DEV_TO_DEV };
struct dma_pool;
void *dma_pool_alloc(struct dma_pool *pool, unsigned flags, unsigned long *handle);
void dma_pool_free(struct dma_pool *pool, void *vaddr, unsigned long addr);
struct owl_lli { unsigned long phys; int mode; };
struct owl_dma { struct dma_pool *lli_pool; };
struct owl_txd { int n; };
void owl_free_txd(struct owl_dma *od, struct owl_txd *txd);
void owl_add_lli(struct owl_txd *txd, struct owl_lli *lli);

static struct owl_lli *owl_alloc_lli(struct owl_dma *od)
{
	struct owl_lli *lli;
	unsigned long phys;

	lli = dma_pool_alloc(od->lli_pool, 0, &phys);
	if (!lli)
		return NULL;
	lli->phys = phys;
	return lli;
}

static int owl_cfg_lli(struct owl_lli *lli, enum dma_dir dir)
{
	switch (dir) {
	case DMA_MEM_TO_MEM:
		lli->mode = 1;
		break;
	case DMA_MEM_TO_DEV:
		lli->mode = 2;
		break;
	case DMA_DEV_TO_MEM:
		lli->mode = 3;
		break;
	default:
		return -EINVAL;
	}
	return 0;
}

// CHECK: In function 'owl_prep_slave':
int owl_prep_slave(struct owl_dma *od, struct owl_txd *txd, enum dma_dir dir)
{
	struct owl_lli *lli = owl_alloc_lli(od);

	if (!lli)
		goto err_txd_free;
	if (owl_cfg_lli(lli, dir))
		goto err_txd_free;
	owl_add_lli(txd, lli);
	return 0;
err_txd_free:
	owl_free_txd(od, txd);
	// CHECK: corpus-lessons.c:[[@LINE+1]]:2: warning: 'lli' from owl_alloc_lli() is not released on this error path; dma_pool_free() is missing [ladder-leak]
	return -ENOMEM;
}

// A case that falls into "default:" can fail there too.
static int owl_cfg_fallthrough(struct owl_lli *lli, enum dma_dir dir)
{
	switch (dir) {
	case DMA_MEM_TO_DEV:
		lli->mode = 2;
		break;
	case DMA_MEM_TO_MEM:
		lli->mode = 1;
		/* fallthrough */
	default:
		return -EINVAL;
	}
	return 0;
}

// CHECK: In function 'owl_prep_fallthrough':
int owl_prep_fallthrough(struct owl_dma *od, struct owl_txd *txd)
{
	struct owl_lli *lli = owl_alloc_lli(od);

	if (!lli)
		return -ENOMEM;
	if (owl_cfg_fallthrough(lli, DMA_MEM_TO_MEM)) {
		owl_free_txd(od, txd);
		// CHECK: corpus-lessons.c:[[@LINE+1]]:3: warning: 'lli' from owl_alloc_lli() is not released on this error path; dma_pool_free() is missing [ladder-leak]
		return -EINVAL;
	}
	owl_add_lli(txd, lli);
	return 0;
}

// ---- silent ----

// drivers/mmc/host/sdhci-tegra.c: pm_runtime_put_sync_suspend() drops the
// reference.
int put_sync_suspend(struct device *dev)
{
	int rc;

	pm_runtime_enable(dev);
	rc = pm_runtime_resume_and_get(dev);
	if (rc)
		goto err_pm_get;
	rc = some_setup();
	if (rc)
		goto err_setup;
	return 0;
err_setup:
	pm_runtime_put_sync_suspend(dev);
err_pm_get:
	pm_runtime_disable(dev);
	return rc;
}

// drivers/spi/spi-tegra210-quad.c: pm_runtime_force_suspend() disables
// runtime PM and leaves it disabled.
int force_suspend_disables(struct device *dev)
{
	int ret;

	pm_runtime_enable(dev);
	ret = some_setup();
	if (ret < 0)
		goto exit_pm_disable;
	return 0;
exit_pm_disable:
	pm_runtime_force_suspend(dev);
	return ret;
}

// drivers/i2c/i2c-core-base.c, i2c_register_adapter(): device_del()
// disables runtime PM on its way out; and device_del() on a ladder of a
// function that never enabled it is no misplaced release.
int device_del_disables(struct device *dev)
{
	int res;

	pm_runtime_enable(dev);
	res = device_add(dev);
	if (res)
		goto out_disable;
	res = some_setup();
	if (res)
		goto out_del;
	res = some_setup();
	if (res)
		goto out_del_disable;
	return 0;
out_del:
	device_del(dev);
	return res;
out_del_disable:
	device_del(dev);
out_disable:
	pm_runtime_disable(dev);
	return res;
}

int device_del_alone(struct device *dev)
{
	int res = device_add(dev);

	if (res)
		return res;
	res = some_setup();
	if (res)
		goto out_del;
	return 0;
out_del:
	device_del(dev);
	return res;
}

// drivers/firmware/efi/arm-runtime.c: WARN_ON(!res) is a NULL test.
int warn_on_null(size_t n)
{
	void *res = kzalloc(n, GFP_KERNEL);

	if (WARN_ON(!res))
		return -ENOMEM;
	kfree(res);
	return 0;
}

// drivers/firmware/efi/efi.c, efivar_ssdt_load(): ACPI keeps a loaded table.
int acpi_keeps_table(size_t n)
{
	void *data;

	for (;;) {
		if (get_variable(NULL) == 5)
			return -ENOMEM;
		data = kmalloc(n, GFP_KERNEL);
		if (!data)
			return -ENOMEM;
		if (!acpi_load_table(data, NULL))
			continue;
		kfree(data);
		return -EIO;
	}
}

// drivers/firmware/stratix10-svc.c: a woken thread that exits by itself.
int thread_runs_to_completion(void *data)
{
	struct task_struct *task = kthread_create_on_node(NULL, data, 0, "svc");

	if (IS_ERR(task))
		return -EINVAL;
	wake_up_process(task);
	if (!wait_done())
		return -ETIMEDOUT;
	return 0;
}

// drivers/spi/spi-bcm2835.c, bcm2835_spi_setup(): controller data belongs
// to the controller's cleanup(), which the SPI core calls.
int ctldata_to_cleanup(struct spi_device *spi)
{
	void *target = kzalloc(64, GFP_KERNEL);
	int ret;

	if (!target)
		return -ENOMEM;
	spi_set_ctldata(spi, target);
	ret = setup_dma(spi);
	if (ret)
		goto err_cleanup;
	return 0;
err_cleanup:
	my_spi_cleanup(spi);
	return ret;
}

// drivers/gpio/gpiolib.c, gpiochip_add_data_with_key(): after
// device_initialize(&gdev->dev), what is stored in gdev is freed by its
// release callback through put_device().
struct gdev { struct device dev; void *descs; };

void gpio_device_put(struct gdev *gdev)
{
	put_device(&gdev->dev);
}

int stored_after_handover(void)
{
	struct gdev *gdev = kzalloc(sizeof(*gdev), GFP_KERNEL);

	if (!gdev)
		return -ENOMEM;
	device_initialize(&gdev->dev);
	gdev->descs = kcalloc(4, 8, GFP_KERNEL);
	if (!gdev->descs)
		goto err_put_device;
	if (some_setup())
		goto err_put_device;
	return 0;
err_put_device:
	gpio_device_put(gdev);
	return -ENOMEM;
}

// drivers/i2c/busses/i2c-mt65xx.c, mtk_i2c_do_transfer(): three modes
// tested twice; the map and the unmap agree on which.
struct mtk_i2c { int op; struct device *dev; };

int three_modes(struct mtk_i2c *i2c, void *wbuf, void *rbuf)
{
	dma_addr_t wpaddr = 0, rpaddr = 0;

	if (i2c->op == 1) {
		wpaddr = dma_map_single(i2c->dev, wbuf, 8, 1);
		if (dma_mapping_error(i2c->dev, wpaddr))
			return -ENOMEM;
	} else if (i2c->op == 2) {
		rpaddr = dma_map_single(i2c->dev, rbuf, 8, 2);
		if (dma_mapping_error(i2c->dev, rpaddr))
			return -ENOMEM;
	} else {
		wpaddr = dma_map_single(i2c->dev, wbuf, 8, 1);
		if (dma_mapping_error(i2c->dev, wpaddr))
			return -ENOMEM;
		rpaddr = dma_map_single(i2c->dev, rbuf, 8, 2);
		if (dma_mapping_error(i2c->dev, rpaddr)) {
			dma_unmap_single(i2c->dev, wpaddr, 8, 1);
			return -ENOMEM;
		}
	}
	some_setup();
	if (i2c->op == 1) {
		dma_unmap_single(i2c->dev, wpaddr, 8, 1);
	} else if (i2c->op == 2) {
		dma_unmap_single(i2c->dev, rpaddr, 8, 2);
	} else {
		dma_unmap_single(i2c->dev, wpaddr, 8, 1);
		dma_unmap_single(i2c->dev, rpaddr, 8, 2);
	}
	if (some_setup())
		return -ETIMEDOUT;
	return 0;
}

// drivers/i2c/busses/i2c-rcar.c, rcar_i2c_probe(): a decision recorded in
// a flag bit and read back on the error path.  (rcar's else branch leaves
// the bit alone and relies on devm_kzalloc() having zeroed it; ladder does
// not know that yet, so here the bit is cleared.)
#define ID_P_PM_BLOCKED (1U << 31)
#define ID_P_HOST_NOTIFY (1U << 4)
struct rcar { unsigned flags; };
bool of_property_read_bool(const void *np, const char *name);

int flag_records_decision(struct device *dev, struct rcar *priv)
{
	int ret;

	pm_runtime_enable(dev);
	pm_runtime_get_sync(dev);
	if (of_property_read_bool(dev, "multi-master")) {
		priv->flags |= ID_P_PM_BLOCKED;
	} else {
		priv->flags &= ~ID_P_PM_BLOCKED;
		pm_runtime_put(dev);
	}
	// Setting or clearing another bit keeps what is known of this one.
	priv->flags |= ID_P_HOST_NOTIFY;
	priv->flags &= ~ID_P_HOST_NOTIFY;
	ret = some_setup();
	if (ret < 0)
		goto out_pm_put;
	return 0;
out_pm_put:
	if (priv->flags & ID_P_PM_BLOCKED)
		pm_runtime_put(dev);
	pm_runtime_disable(dev);
	return ret;
}

// drivers/gpio/gpio-rockchip.c, rockchip_gpio_probe(): of_get_parent(NULL)
// is NULL, so "!np || !pctlnp" took nothing when np was NULL.
struct device_node *of_get_parent(const struct device_node *node);
struct pinctrl_dev;
struct pinctrl_dev *of_pinctrl_get(struct device_node *np);

int parent_of_null(struct device *dev)
{
	struct device_node *np = dev->of_node;
	struct device_node *pctlnp = of_get_parent(np);
	struct pinctrl_dev *pctldev;

	if (!np || !pctlnp)
		return -ENODEV;
	pctldev = of_pinctrl_get(pctlnp);
	of_node_put(pctlnp);
	if (!pctldev)
		return -EPROBE_DEFER;
	return 0;
}

// drivers/mmc/host/sdhci.c, __sdhci_add_host(): sdhci_led_register(host)
// and sdhci_led_unregister(host) pair by name, with host as the handle.
// Naming host's value at that acquire once forgot what was known below
// it (host->irq, host->complete_wq), and the unwind's free_irq() and
// destroy_workqueue() no longer matched their acquires.
struct workqueue_struct;
struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned flags, int max, ...);
void destroy_workqueue(struct workqueue_struct *wq);
int request_threaded_irq(unsigned int irq, irq_handler_t handler,
			 irq_handler_t thread, unsigned long flags,
			 const char *name, void *dev);
struct sd_led { int brightness; };
struct sd_mmc { int caps; };
struct sd_host {
	struct workqueue_struct *complete_wq;
	int irq;
	unsigned quirks;
	struct sd_led led;
	struct sd_mmc *mmc;
};
int sd_led_classdev_register(struct sd_led *led);
void sd_led_classdev_unregister(struct sd_led *led);
int sd_mmc_add_host(struct sd_mmc *mmc);

static int sd_led_register(struct sd_host *host)
{
	if (host->quirks & 4)
		return 0;
	return sd_led_classdev_register(&host->led);
}

static void sd_led_unregister(struct sd_host *host)
{
	if (host->quirks & 4)
		return;
	sd_led_classdev_unregister(&host->led);
}

int sd_add_host(struct sd_host *host)
{
	int ret;

	host->complete_wq = alloc_workqueue("sdhci", 0, 0);
	if (!host->complete_wq)
		return -ENOMEM;
	ret = request_threaded_irq(host->irq, NULL, NULL, 0, "sdhci", host);
	if (ret)
		goto unwq;
	ret = sd_led_register(host);
	if (ret)
		goto unirq;
	ret = sd_mmc_add_host(host->mmc);
	if (ret)
		goto unled;
	return 0;
unled:
	sd_led_unregister(host);
unirq:
	free_irq(host->irq, host);
unwq:
	destroy_workqueue(host->complete_wq);
	return ret;
}

// drivers/spi/spi.c, __spi_pump_transfer_message(): the runtime PM
// reference belongs to the busy controller; finalizing the message hands
// it back to the pump, whose idle path drops it.
struct spi_controller { struct device *parent; int auto_runtime_pm; };
struct spi_message { int status; };
void spi_finalize_current_message(struct spi_controller *ctlr);
int spi_map_msg(struct spi_controller *ctlr, struct spi_message *msg);

int finalize_hands_back(struct spi_controller *ctlr, struct spi_message *msg,
			int was_busy)
{
	int ret;

	if (!was_busy && ctlr->auto_runtime_pm) {
		ret = pm_runtime_get_sync(ctlr->parent);
		if (ret < 0) {
			pm_runtime_put_noidle(ctlr->parent);
			msg->status = ret;
			spi_finalize_current_message(ctlr);
			return ret;
		}
	}
	ret = spi_map_msg(ctlr, msg);
	if (ret) {
		msg->status = ret;
		spi_finalize_current_message(ctlr);
		return ret;
	}
	return 0;
}

// drivers/mmc/host/dw_mmc.c, dw_mci_runtime_resume(): the same stable
// test before the enable and before the disable takes the same branch.
int same_test_twice(struct dw_host *host)
{
	int ret;

	if (mmc_can_gpio_cd(host->mmc) || !mmc_card_is_removable(host->mmc)) {
		ret = clk_prepare_enable(host->biu_clk);
		if (ret)
			return ret;
	}
	ret = dw_ctrl_reset(host);
	if (ret)
		goto err;
	return 0;
err:
	if (mmc_can_gpio_cd(host->mmc) || !mmc_card_is_removable(host->mmc))
		clk_disable_unprepare(host->biu_clk);
	return ret;
}

// A helper of the file that only reads is stable by itself, and so is
// a property asked by name.
static bool dw_has_cd(struct dw_host *host)
{
	int cd = host->flags & 1;

	return cd && mmc_card_is_removable(host->mmc);
}


int stable_helper(struct dw_host *host, struct device_node *np)
{
	int ret;

	if (dw_has_cd(host) && of_property_read_bool(np, "biu-clock")) {
		ret = clk_prepare_enable(host->biu_clk);
		if (ret)
			return ret;
	}
	ret = dw_ctrl_reset(host);
	if (ret) {
		if (dw_has_cd(host) && of_property_read_bool(np, "biu-clock"))
			clk_disable_unprepare(host->biu_clk);
		return ret;
	}
	return 0;
}

// drivers/spi/spi-cadence-quadspi.c, cqspi_probe(): the clock is disabled
// only when runtime PM can resume the device; when it cannot, the clock
// is runtime PM's.  The reference the test takes is still owed.
struct cqspi { struct clk *clk; };
int cqspi_setup_flash(struct cqspi *cqspi);

// CHECK: In function 'release_under_fresh_test':
int release_under_fresh_test(struct device *dev, struct cqspi *cqspi)
{
	int ret = clk_prepare_enable(cqspi->clk);

	if (ret)
		return ret;
	ret = cqspi_setup_flash(cqspi);
	if (ret)
		goto probe_setup_failed;
	return 0;

probe_setup_failed:
	if (pm_runtime_get_sync(dev) >= 0)
		clk_disable_unprepare(cqspi->clk);
	// CHECK: corpus-lessons.c:[[@LINE+1]]:2: warning: pm_runtime_get_sync() is not undone on this error path; pm_runtime_put() is missing [ladder-leak]
	return ret;
}

// drivers/dma/owl-dma.c, owl_dma_prep_memcpy(): the same, but the
// direction is one owl_dma_cfg_lli() has a case for, so it cannot fail.
int owl_prep_memcpy(struct owl_dma *od, struct owl_txd *txd)
{
	struct owl_lli *lli = owl_alloc_lli(od);

	if (!lli)
		goto err_txd_free;
	if (owl_cfg_lli(lli, DMA_MEM_TO_MEM))
		goto err_txd_free;
	owl_add_lli(txd, lli);
	return 0;
err_txd_free:
	owl_free_txd(od, txd);
	return -ENOMEM;
}
