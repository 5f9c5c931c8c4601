// A helper that grows an array its argument already holds
// (drivers/interconnect/core.c's icc_link_create(): node->links =
// krealloc(node->links, ...)) leaves its caller no new debt: the array
// is the node's, freed with it.  One that makes a new array in a member
// (foo_alloc_rings(priv)) does.  And a managed helper, behind any
// underscores (__devm_alloc_percpu()), is never a wrapper.
//
// RUN: %ladder %s | FileCheck %s --implicit-check-not=warning:

#include "../Inputs/kernel.h"

struct node {
	struct node **links;
	int num_links;
	void *rings;
};

static int node_link_create(struct node *node, struct node *dst)
{
	struct node **new;
	int ret = 0;

	if (!dst)
		return -EINVAL;
	new = krealloc(node->links, (node->num_links + 1) * sizeof(*new), GFP_KERNEL);
	if (!new) {
		ret = -ENOMEM;
		goto out;
	}
	node->links = new;
	node->links[node->num_links++] = dst;
out:
	return ret;
}

static int node_alloc_rings(struct node *node)
{
	node->rings = kzalloc(64, GFP_KERNEL);
	if (!node->rings)
		return -ENOMEM;
	return 0;
}

int node_start(struct node *node);

int nodes_link(struct node *a, struct node *b)
{
	int ret;

	ret = node_link_create(a, b);
	if (ret)
		return ret;
	ret = node_start(a);
	if (ret)
		return ret;
	return 0;
}

// CHECK-LABEL: In function 'nodes_setup':
int nodes_setup(struct node *a)
{
	int ret;

	ret = node_alloc_rings(a);
	if (ret)
		return ret;
	ret = node_start(a);
	if (ret)
		// CHECK: member-resize.c:[[@LINE+1]]:3: warning: 'a->rings' from node_alloc_rings() is not released on this error path; kfree() is missing [ladder-leak]
		return ret;
	return 0;
}

static void *__devm_node_alloc(struct device *dev)
{
	void *p = kzalloc(8, GFP_KERNEL);

	if (!p)
		return NULL;
	return p;
}

int node_probe(struct device *dev)
{
	void *p = __devm_node_alloc(dev);

	if (!p)
		return -ENOMEM;
	if (node_start(p))
		return -EIO;
	return 0;
}
