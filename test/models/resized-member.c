// Model resized-member: "p->a = krealloc(p->a, ...)" resizes what the
// object already owned.  The object owns the new block as it owned the
// old one, so a later failure of the function owes nothing for it
// (drivers/scsi/mpt3sas/mpt3sas_base.c, _base_check_ioc_facts_changes()).
// A fresh block stored in the same object is still owed.
// RUN: %ladder -I %inputs %s | FileCheck %s --check-prefix=BOTH --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-resized-member %s | FileCheck %s --check-prefixes=OFF,BOTH --implicit-check-not=warning:

#include "kernel.h"

struct ioc { void *pd_handles; void *blocking; void *scratch; };

// OFF-LABEL: In function 'ioc_facts_changed':
int ioc_facts_changed(struct ioc *ioc, size_t sz)
{
	void *pd_handles, *blocking;

	pd_handles = krealloc(ioc->pd_handles, sz, GFP_KERNEL);
	if (!pd_handles)
		return -ENOMEM;
	ioc->pd_handles = pd_handles;
	blocking = krealloc(ioc->blocking, sz, GFP_KERNEL);
	if (!blocking)
		// OFF: resized-member.c:[[@LINE+1]]:3: warning: 'pd_handles' from krealloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -ENOMEM;
	ioc->blocking = blocking;
	return 0;
}

// Resized from one member into another, the block is a new debt.
// BOTH-LABEL: In function 'ioc_move':
int ioc_move(struct ioc *ioc, size_t sz)
{
	void *scratch;

	scratch = krealloc(ioc->blocking, sz, GFP_KERNEL);
	if (!scratch)
		return -ENOMEM;
	ioc->scratch = scratch;
	ioc->blocking = NULL;
	if (sz > 4096)
		// BOTH: resized-member.c:[[@LINE+1]]:3: warning: 'scratch' from krealloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -EINVAL;
	return 0;
}
