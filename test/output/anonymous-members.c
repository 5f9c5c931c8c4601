// A handle in a member of an anonymous struct or union is named as the
// source spells it: 'info->pages', not clang's spelling of the anonymous
// member ('info->union info::(anonymous at ...).pages').
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning: '--implicit-check-not=(anonymous'

#include "kernel.h"

struct info {
	int n;
	union {
		struct { void *pages; int npages; };
		long raw;
	};
	struct { struct { void *deep; }; } outer;
};
int hw(void);

// CHECK-LABEL: In function 'anon_union':
int anon_union(struct info *info)
{
	info->pages = kzalloc(64, GFP_KERNEL);
	if (!info->pages)
		return -ENOMEM;
	if (hw())
		// CHECK: anonymous-members.c:[[@LINE+2]]:3: warning: 'info->pages' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
		// CHECK-NEXT: note: 'info->pages' acquired here by kzalloc()
		return -EIO;
	return 0;
}

// Nested, through a named member: 'info->outer.deep'.
// CHECK-LABEL: In function 'anon_nested':
int anon_nested(struct info *info)
{
	info->outer.deep = kzalloc(64, GFP_KERNEL);
	if (!info->outer.deep)
		return -ENOMEM;
	if (hw())
		// CHECK: anonymous-members.c:[[@LINE+1]]:3: warning: 'info->outer.deep' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -EIO;
	return 0;
}
