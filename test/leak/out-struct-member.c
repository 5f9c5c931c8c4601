// An acquire that fills a structure the caller passes by address leaves
// the handle in one of its members: of_parse_phandle_with_args(...,
// &args) takes a reference to args.np, of_irq_parse_one() to
// oirq.np, fwnode_property_get_reference_args() to args.fwnode (rules:
// "handle: arg4->np").  The shapes are drivers/of/irq.c's of_irq_get()
// and a sound card's "sound-dai" loop.
//
// RUN: %ladder %s | FileCheck %s --implicit-check-not=warning:

#include "../Inputs/kernel.h"

struct of_phandle_args {
	struct device_node *np;
	int args_count;
	unsigned int args[16];
};
struct fwnode_handle;
struct fwnode_reference_args {
	struct fwnode_handle *fwnode;
	unsigned int nargs;
	unsigned long long args[8];
};
struct irq_domain;

int of_parse_phandle_with_args(const struct device_node *np, const char *list_name,
			       const char *cells_name, int index,
			       struct of_phandle_args *out_args);
int of_irq_parse_one(struct device_node *device, int index,
		     struct of_phandle_args *out_irq);
int fwnode_property_get_reference_args(const struct fwnode_handle *fwnode,
				       const char *prop, const char *nargs_prop,
				       unsigned int nargs, unsigned int index,
				       struct fwnode_reference_args *args);
void fwnode_handle_put(struct fwnode_handle *fwnode);
struct irq_domain *irq_find_host(struct device_node *node);
int irq_create_of_mapping(struct of_phandle_args *irq_data);
int snd_soc_get_dai_id(struct device_node *ep, unsigned int cell);
int use_reference(struct fwnode_handle *fwnode, unsigned long long arg);

/* of_irq_get() with its "out:" label's of_node_put() deleted. */
int of_irq_get_leaky(struct device_node *dev, int index)
{
	struct of_phandle_args oirq;
	struct irq_domain *domain;
	int rc;

	rc = of_irq_parse_one(dev, index, &oirq);
	if (rc)
		return rc;

	domain = irq_find_host(oirq.np);
	if (!domain)
		// CHECK: [[@LINE+1]]:{{[0-9]+}}: warning: 'oirq.np' from of_irq_parse_one() is not released on this error path; of_node_put() is missing [ladder-leak]
		return -EPROBE_DEFER;

	return irq_create_of_mapping(&oirq);
}

/* The real one: every path after the parse puts the node. */
int of_irq_get(struct device_node *dev, int index)
{
	struct of_phandle_args oirq;
	struct irq_domain *domain;
	int rc;

	rc = of_irq_parse_one(dev, index, &oirq);
	if (rc)
		return rc;

	domain = irq_find_host(oirq.np);
	if (!domain) {
		rc = -EPROBE_DEFER;
		goto out;
	}

	rc = irq_create_of_mapping(&oirq);
out:
	of_node_put(oirq.np);
	return rc;
}

/* A failed parse took nothing: returning its error owes no put. */
int card_dai_id(struct device_node *np, int i)
{
	struct of_phandle_args args;
	int ret;

	ret = of_parse_phandle_with_args(np, "sound-dai", "#sound-dai-cells", i, &args);
	if (ret)
		return ret;
	ret = snd_soc_get_dai_id(args.np, args.args_count ? args.args[0] : 0);
	if (ret < 0) {
		// CHECK: [[@LINE+1]]:{{[0-9]+}}: warning: 'args.np' from of_parse_phandle_with_args() is not released on this error path; of_node_put() is missing [ladder-leak]
		return ret;
	}
	of_node_put(args.np);
	return ret;
}

/* Each element's reference is put before the next lookup. */
int card_count_dais(struct device_node *np)
{
	struct of_phandle_args args;
	int i, ret;

	for (i = 0; ; i++) {
		ret = of_parse_phandle_with_args(np, "sound-dai", "#sound-dai-cells",
						 i, &args);
		if (ret)
			break;
		ret = snd_soc_get_dai_id(args.np, 0);
		of_node_put(args.np);
		if (ret < 0)
			return ret;
	}
	return i;
}

int reference_arg(struct fwnode_handle *fwnode)
{
	struct fwnode_reference_args args;
	int ret;

	ret = fwnode_property_get_reference_args(fwnode, "resets", "#reset-cells",
						 0, 0, &args);
	if (ret)
		return ret;
	ret = use_reference(args.fwnode, args.nargs ? args.args[0] : 0);
	if (ret)
		// CHECK: [[@LINE+1]]:{{[0-9]+}}: warning: 'args.fwnode' from fwnode_property_get_reference_args() is not released on this error path; fwnode_handle_put() is missing [ladder-leak]
		return ret;
	fwnode_handle_put(args.fwnode);
	return 0;
}
