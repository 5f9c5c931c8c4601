// Model header-inlines: the headers' inline functions a file calls are
// summarised like its own.  One that only reads is stable, so the same
// question asked twice answers the same (drivers/input/keyboard/
// gpio_keys_polled.c: dev_get_platdata(dev) tested in a loop whose
// answer cannot change).
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-header-inlines %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"
#include "inlines.h"

int setup_from_platdata(struct pdevice *dev);

// OFF-LABEL: In function 'keys_probe':
int keys_probe(struct pdevice *dev)
{
	void *buf = NULL;
	int ret;

	if (!pdev_get_platdata(dev)) {
		buf = kzalloc(64, GFP_KERNEL);
		if (!buf)
			return -ENOMEM;
	}
	ret = setup_from_platdata(dev);
	if (ret) {
		if (!pdev_get_platdata(dev))
			kfree(buf);
		// OFF: header-inlines.c:[[@LINE+1]]:3: warning: 'buf' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return ret;
	}
	kfree(buf);
	return 0;
}

// A store between the two questions makes them two.
// CHECK-LABEL: In function 'keys_probe_reset':
int keys_probe_reset(struct pdevice *dev, void *pdata)
{
	void *buf = NULL;
	int ret;

	if (!pdev_get_platdata(dev)) {
		buf = kzalloc(64, GFP_KERNEL);
		if (!buf)
			return -ENOMEM;
	}
	dev->platform_data = pdata;
	ret = setup_from_platdata(dev);
	if (ret) {
		if (!pdev_get_platdata(dev))
			kfree(buf);
		// CHECK: header-inlines.c:[[@LINE+1]]:3: warning: 'buf' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return ret;
	}
	kfree(buf);
	return 0;
}

// A static function of a .c file the main source includes is the TU's
// own helper too: urb_free_priv() frees what it is given.  Not reported
// on itself, only summarised.
#include "urb-queue.c"

int submit_td(struct urb_priv *urb_priv);

// OFF-LABEL: In function 'urb_enqueue':
int urb_enqueue(int length)
{
	struct urb_priv *urb_priv;
	int ret;

	urb_priv = kzalloc(sizeof(*urb_priv), GFP_KERNEL);
	if (!urb_priv)
		return -ENOMEM;
	urb_priv->length = length;
	ret = submit_td(urb_priv);
	if (ret) {
		urb_free_priv(urb_priv);
		// OFF: header-inlines.c:[[@LINE+1]]:3: warning: 'urb_priv' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return ret;
	}
	return 0;
}
