// Who owes a release: resources held in objects the function does not own,
// state restored by a release-then-acquire, correlated conditions.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:

#include "kernel.h"

struct host { struct clk *clk; struct reset_control *rst; void *buf; unsigned long addr[2]; };

// A helper that enables the host's clock and leaves disabling to its
// caller: the clock lives in the caller's object, and the caller below
// disables it when the helper fails (model caller-cleans).
int host_ungate(struct host *h)
{
	int ret = clk_prepare_enable(h->clk);

	if (ret)
		return ret;
	return hw_read(NULL, 0) < 0 ? -EIO : 0;
}

int host_power_on(struct host *h)
{
	int ret = host_ungate(h);

	if (ret)
		clk_disable_unprepare(h->clk);
	return ret;
}

// But a function that disables the clock on one error path owes it on all.
// CHECK: In function 'host_probe':
int host_probe(struct host *h)
{
	int ret = clk_prepare_enable(h->clk);

	if (ret)
		return ret;
	ret = some_setup();
	if (ret)
		// CHECK: ownership.c:[[@LINE+1]]:3: warning: 'h->clk' from clk_prepare_enable() is not released on this error path; clk_disable_unprepare() is missing [ladder-leak]
		return ret;
	ret = some_hw_init(h);
	if (ret) {
		clk_disable_unprepare(h->clk);
		return ret;
	}
	return 0;
}

// A reset pulse leaves the device as it was found.
int host_reset(struct host *h)
{
	reset_control_assert(h->rst);
	udelay(2);
	reset_control_deassert(h->rst);
	if (some_setup())
		return -EIO;
	return 0;
}

// Stored in the caller's object, element by element; the caller frees it.
int host_store(struct host *h)
{
	void *p = kmalloc(8, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	h->addr[0] = (unsigned long)p;
	return some_setup() ? -EIO : 0;
}

int host_fill(struct host *h)
{
	if (host_store(h)) {
		kfree((void *)h->addr[0]);
		return -EIO;
	}
	return 0;
}

// A constant the value differs from: "n != 1" twice agrees.
int not_one(int n)
{
	void *p = NULL;
	int ret;

	if (n == 0)
		return -EINVAL;
	if (n != 1) {
		p = kmalloc(n, GFP_KERNEL);
		if (!p)
			return -ENOMEM;
	}
	ret = some_hw_init(p);
	if (n != 1)
		kfree(p);
	if (ret)
		return ret;
	return 0;
}

// drivers/bluetooth/btmrvl_sdio.c, btmrvl_sdio_coredump(): the coredump
// framework owns the dump from dev_coredumpv() on and vfree()s it when
// it is read or times out.  Before the call, a failure still owes it.
void dev_coredumpv(struct device *dev, void *data, size_t datalen, unsigned gfp);
int fill_dump(void *buf, size_t len);

// CHECK-LABEL: In function 'coredump_not_yet_handed':
int coredump_not_yet_handed(struct device *dev, size_t len)
{
	void *dump = vmalloc(len);

	if (!dump)
		return -ENOMEM;
	if (fill_dump(dump, len))
		// CHECK: ownership.c:[[@LINE+1]]:3: warning: 'dump' from vmalloc() is not released on this error path; vfree() is missing [ladder-leak]
		return -EIO;
	dev_coredumpv(dev, dump, len, GFP_KERNEL);
	return 0;
}

int coredump_handed(struct device *dev, size_t len)
{
	void *dump = vmalloc(len);

	if (!dump)
		return -ENOMEM;
	dev_coredumpv(dev, dump, len, GFP_KERNEL);
	if (hw_read(NULL, 0) < 0)
		return -EIO;
	return 0;
}

// The regulator core owns config->ena_gpiod from regulator_register()
// on, and puts it itself when the registration fails
// (drivers/regulator/fixed.c, reg_fixed_voltage_probe()).  Any error
// return before the call still owes the descriptor.
struct gpio_desc;
struct gpio_desc *gpiod_get_optional(struct device *dev, const char *con_id, int flags);
void gpiod_put(struct gpio_desc *desc);
struct regulator_desc { const char *name; };
struct regulator_config { struct device *dev; struct gpio_desc *ena_gpiod; void *driver_data; };
struct regulator_dev;
struct regulator_dev *devm_regulator_register(struct device *dev,
					      const struct regulator_desc *desc,
					      const struct regulator_config *config);
int read_voltage(struct device *dev);

int fixed_probe(struct device *dev, struct regulator_desc *desc)
{
	struct regulator_config cfg = { };
	struct regulator_dev *rdev;

	cfg.ena_gpiod = gpiod_get_optional(dev, NULL, 0);
	if (IS_ERR(cfg.ena_gpiod))
		return PTR_ERR(cfg.ena_gpiod);
	if (read_voltage(dev) < 0)
		// CHECK: :[[@LINE+1]]:3: warning: 'cfg.ena_gpiod' from gpiod_get_optional() is not released on this error path; gpiod_put() is missing [ladder-leak]
		return -EINVAL;
	cfg.dev = dev;
	rdev = devm_regulator_register(dev, desc, &cfg);
	if (IS_ERR(rdev))
		return PTR_ERR(rdev);
	return 0;
}
