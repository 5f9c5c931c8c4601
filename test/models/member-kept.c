// Model member-kept: a call that fills a member of its argument (a
// helper of the file learnt as a wrapper, or a rule's args.np) and
// fails leaves that member as it was.  A release of the member after
// the failure releases what it held before: not "a release of what the
// path never acquired".
// drivers/net/phy/phylink.c, phylink_create(): phylink_parse_fixedlink()
// may get pl->link_gpio; its failure jumps to "release_link_gpio: if
// (pl->link_gpio) gpiod_put(pl->link_gpio);".
// RUN: %ladder -I %inputs %s | FileCheck %s --allow-empty --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-member-kept %s | FileCheck %s --check-prefix=OFF --implicit-check-not=warning:
// CHECK-NOT: warning:

#include "kernel.h"

struct gpio_desc;
struct gpio_desc *gpiod_get(struct device *dev, const char *con_id, int flags);
void gpiod_put(struct gpio_desc *desc);
int read_mode(struct device *dev);
int register_sfp(struct device *dev);

struct link {
	struct device *dev;
	struct gpio_desc *link_gpio;
};

static int parse_fixed(struct link *pl)
{
	struct gpio_desc *desc;

	if (read_mode(pl->dev) < 0)
		return -EINVAL;
	desc = gpiod_get(pl->dev, "link", 0);
	if (IS_ERR(desc))
		return PTR_ERR(desc);
	pl->link_gpio = desc;
	return 0;
}

// OFF-LABEL: In function 'link_create':
int link_create(struct link *pl)
{
	int ret;

	ret = parse_fixed(pl);
	if (ret < 0)
		goto release_link_gpio;
	ret = register_sfp(pl->dev);
	if (ret < 0)
		goto release_link_gpio;
	return 0;

release_link_gpio:
	if (pl->link_gpio)
		// OFF: member-kept.c:[[@LINE+1]]:3: warning: gpiod_put() releases 'pl->link_gpio', but parse_fixed() failed on this path [ladder-release-unacquired]
		gpiod_put(pl->link_gpio);
	return ret;
}
