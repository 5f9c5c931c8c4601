// Model loop-carried: what an acquire returns going round a loop is a new
// object, not the one a variable still holds from the last pass.  The
// shape is drivers/of/irq.c's of_irq_parse_raw(), which walks up the tree
// to the interrupt parent: "tnode = ipar; ipar = of_irq_find_parent(ipar);
// of_node_put(tnode);" puts the node of the last pass, and the unwind's
// of_node_put(ipar) the new one.  Off, the two are one object and the
// unwind's put reads as a second put of it.
//
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-loop-carried %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

struct device_node *of_irq_find_parent(struct device_node *child);
struct device_node *of_node_get(struct device_node *node);
int of_property_read_u32(const struct device_node *np, const char *name,
			 unsigned int *out_value);

struct phandle_args {
	struct device_node *np;
	int args_count;
};

// OFF-LABEL: In function 'parse_raw':
int parse_raw(struct phandle_args *out_irq)
{
	struct device_node *ipar, *tnode;
	unsigned int intsize = 1;

	ipar = of_node_get(out_irq->np);
	do {
		if (!of_property_read_u32(ipar, "#interrupt-cells", &intsize))
			break;
		tnode = ipar;
		ipar = of_irq_find_parent(ipar);
		of_node_put(tnode);
	} while (ipar);
	if (!ipar)
		goto fail;
	if (out_irq->args_count != intsize)
		goto fail;
	// OFF: [[@LINE+1]]:{{[0-9]+}}: warning: 'ipar' is released twice: of_node_put() here, after of_node_put() at line 36 [ladder-double-release]
	of_node_put(ipar);
	return 0;
fail:
	// OFF: [[@LINE+1]]:{{[0-9]+}}: warning: 'ipar' is released twice: of_node_put() here, after of_node_put() at line 36 [ladder-double-release]
	of_node_put(ipar);
	return -EINVAL;
}

// Still one object within a pass: its second put is reported.
// CHECK-LABEL: In function 'parse_twice':
int parse_twice(struct device_node *np)
{
	struct device_node *parent;

	while (np) {
		parent = of_irq_find_parent(np);
		if (!parent)
			return -ENODEV;
		of_node_put(parent);
		if (of_property_read_u32(parent, "#interrupt-cells", NULL))
			// CHECK: [[@LINE+1]]:{{[0-9]+}}: warning: 'parent' is released twice: of_node_put() here, after of_node_put() at line 61 [ladder-double-release]
			of_node_put(parent);
		np = parent;
	}
	return 0;
}
