// C says &p[0] is p and &*p is p: the address an allocator returned,
// stored or released through its first element, is still that block.
// ath12k_dp_cc_desc_init() (drivers/net/wireless/ath/ath12k/dp.c) keeps
// each descriptor array as "dp->spt_info->rxbaddr[i] = &rx_descs[0]",
// and its caller's error path frees every rxbaddr[i]; ladder took the
// store for none and reported the array leaked.  Through an array
// (&a[0] of a local array) or another element (&p[1]) nothing changes.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:

#include "kernel.h"

struct desc { int cookie; };
struct spt { struct desc *rxbaddr[4]; };
struct dp { struct spt *spt_info; };
int hw(void);

static int desc_init(struct dp *dp)
{
	struct desc *rx_descs;
	int i;

	for (i = 0; i < 4; i++) {
		rx_descs = kcalloc(8, sizeof(*rx_descs), GFP_KERNEL);
		if (!rx_descs)
			return -ENOMEM;
		dp->spt_info->rxbaddr[i] = &rx_descs[0];
	}
	if (hw())
		return -EIO;
	return 0;
}

static void desc_cleanup(struct dp *dp)
{
	int i;

	for (i = 0; i < 4; i++)
		kfree(dp->spt_info->rxbaddr[i]);
}

int cc_init(struct dp *dp)
{
	int ret = desc_init(dp);

	if (ret)
		goto free;
	return 0;
free:
	desc_cleanup(dp);
	return ret;
}

// Released through a local holding the first element's address.
int through_first(struct dp *dp)
{
	struct desc *d = kcalloc(8, sizeof(*d), GFP_KERNEL);
	struct desc *first;

	if (!d)
		return -ENOMEM;
	first = &d[0];
	if (hw()) {
		kfree(first);
		return -EIO;
	}
	dp->spt_info->rxbaddr[0] = d;
	return 0;
}

int through_deref(struct dp *dp)
{
	struct desc *d = kcalloc(8, sizeof(*d), GFP_KERNEL);

	if (!d)
		return -ENOMEM;
	if (hw()) {
		kfree(&*d);
		return -EIO;
	}
	dp->spt_info->rxbaddr[0] = d;
	return 0;
}

// The second element is not the block: kfree() of it frees nothing
// ladder tracks, and the block is still owed.
// CHECK-LABEL: In function 'second_element':
int second_element(struct dp *dp)
{
	struct desc *d = kcalloc(8, sizeof(*d), GFP_KERNEL);
	struct desc *second;

	if (!d)
		return -ENOMEM;
	second = &d[1];
	if (hw()) {
		kfree(second);
		// CHECK: first-element.c:[[@LINE+1]]:3: warning: 'd' from kcalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -EIO;
	}
	dp->spt_info->rxbaddr[0] = d;
	return 0;
}

// Kept in a member of an object the function was given, with no caller
// in the file that cleans it: still owed on the error return.
// CHECK-LABEL: In function 'desc_init_alone':
int desc_init_alone(struct dp *dp)
{
	struct desc *rx_descs = kcalloc(8, sizeof(*rx_descs), GFP_KERNEL);

	if (!rx_descs)
		return -ENOMEM;
	dp->spt_info->rxbaddr[0] = &rx_descs[0];
	if (hw())
		// CHECK: first-element.c:[[@LINE+1]]:3: warning: 'rx_descs' from kcalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -EIO;
	return 0;
}
