// Model cannot-fail: a helper of the file whose errors need an argument
// this call does not pass succeeds.  drivers/gpio/gpiolib.c,
// gpiochip_add_irqchip(): the helper fails only for a NULL domain, and
// the domain was checked already; so was a helper that never fails.
// Neither "if (ret) return ret;" is a path.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-cannot-fail %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

struct irq_domain;
struct irq_domain *irq_domain_create_linear(void *fwnode, unsigned size,
					    const void *ops, void *data);
void irq_domain_remove(struct irq_domain *domain);
struct gchip { struct irq_domain *domain; int initialized; };

static int gc_add_allocated_domain(struct gchip *gc, struct irq_domain *domain)
{
	if (!domain)
		return -EINVAL;
	gc->domain = domain;
	gc->initialized = 1;
	return 0;
}

static int gc_set_hooks(struct gchip *gc)
{
	gc->initialized = 2;
	return 0;
}

// OFF-LABEL: In function 'helper_cannot_fail':
int helper_cannot_fail(struct gchip *gc, void *fwnode)
{
	struct irq_domain *domain = irq_domain_create_linear(fwnode, 32, NULL, gc);
	int ret;

	if (!domain)
		return -ENOMEM;
	ret = gc_set_hooks(gc);
	if (ret)
		// OFF: cannot-fail.c:[[@LINE+1]]:3: warning: 'domain' from irq_domain_create_linear() is not released on this error path; irq_domain_remove() is missing [ladder-leak]
		return ret;
	ret = gc_add_allocated_domain(gc, domain);
	if (ret)
		return ret;
	return 0;
}

// Given what its error needs (a NULL domain), the helper may fail, model
// or not.
// CHECK-LABEL: In function 'helper_may_fail':
int helper_may_fail(struct gchip *gc, void *fwnode, struct irq_domain *maybe)
{
	struct irq_domain *domain = irq_domain_create_linear(fwnode, 32, NULL, gc);
	int ret;

	if (!domain)
		return -ENOMEM;
	ret = gc_add_allocated_domain(gc, maybe);
	if (ret)
		// CHECK: cannot-fail.c:[[@LINE+1]]:3: warning: 'domain' from irq_domain_create_linear() is not released on this error path; irq_domain_remove() is missing [ladder-leak]
		return ret;
	return 0;
}
