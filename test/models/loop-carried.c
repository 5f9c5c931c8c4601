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

// drivers/of/base.c's of_parse_phandle_with_args_map(): the node of the
// last pass moves to cur and is put there; the inner loop's put of new
// and the unwind's are of later nodes, even when a pass found nothing
// live to keep apart (the node in cur had no resource of its own left).
struct device_node *of_find_node_by_phandle(unsigned int handle);
const unsigned int *next_map(struct device_node *np, int *len);
int of_parse_phandle_with_args(const struct device_node *np, const char *list_name,
			       const char *cells_name, int index,
			       struct phandle_args *out_args);

// OFF-LABEL: In function 'args_map':
int args_map(const struct device_node *np, struct phandle_args *out_args)
{
	struct device_node *cur, *new = NULL;
	const unsigned int *map;
	unsigned int new_size;
	int map_len, ret;

	ret = of_parse_phandle_with_args(np, "x", "#x-cells", 0, out_args);
	if (ret)
		return ret;
	cur = out_args->np;
	ret = -EINVAL;
	while (cur) {
		map = next_map(cur, &map_len);
		if (!map) {
			ret = 0;
			goto free;
		}
		while (map_len > 0) {
			of_node_put(new);
			new = of_find_node_by_phandle(*map);
			map++;
			map_len--;
			if (!new) {
				ret = -EINVAL;
				goto put;
			}
			ret = of_property_read_u32(new, "#x-cells", &new_size);
			if (ret)
				goto put;
		}
		out_args->np = new;
		of_node_put(cur);
		cur = new;
		new = NULL;
	}
put:
	of_node_put(cur);
	// OFF: [[@LINE+1]]:{{[0-9]+}}: warning: 'new' is released twice: of_node_put() here, after of_node_put() at line [[@LINE-1]] [ladder-double-release]
	of_node_put(new);
free:
	return ret;
}
