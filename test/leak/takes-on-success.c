// takes-ownership with if: the call keeps its argument only when it
// succeeds.  lib/idr.c's idr_alloc() stores nothing when it fails, so
// the object is still the caller's to free; once it succeeded, the IDR
// holds it.  anon_inode_getfile() attaches its private data only to a
// file it made (fs/anon_inodes.c).
//
// RUN: %ladder %s | FileCheck %s --implicit-check-not=warning:

#include "../Inputs/kernel.h"

struct idr { int layers; };
int idr_alloc(struct idr *idr, void *ptr, int start, int end, unsigned int gfp);
struct file;
struct file *anon_inode_getfile(const char *name, const void *fops, void *priv, int flags);
struct obj { int id; };

// CHECK-LABEL: In function 'obj_register':
int obj_register(struct idr *idr)
{
	struct obj *o = kzalloc(sizeof(*o), GFP_KERNEL);
	int id;

	if (!o)
		return -ENOMEM;
	id = idr_alloc(idr, o, 0, 0, GFP_KERNEL);
	if (id < 0)
		// CHECK: takes-on-success.c:[[@LINE+1]]:3: warning: 'o' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return id;
	o->id = id;
	return 0;
}

// Silent: freed when the IDR refused it, the IDR's after.
int obj_register_ok(struct idr *idr)
{
	struct obj *o = kzalloc(sizeof(*o), GFP_KERNEL);
	int id;

	if (!o)
		return -ENOMEM;
	id = idr_alloc(idr, o, 0, 0, GFP_KERNEL);
	if (id < 0) {
		kfree(o);
		return id;
	}
	o->id = id;
	if (some_setup())
		return -EIO;
	return 0;
}

// CHECK-LABEL: In function 'ctx_file':
struct file *ctx_file(const void *fops)
{
	struct obj *ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	struct file *f;

	if (!ctx)
		return ERR_PTR(-ENOMEM);
	f = anon_inode_getfile("ctx", fops, ctx, 0);
	if (IS_ERR(f))
		// CHECK: takes-on-success.c:[[@LINE+1]]:3: warning: 'ctx' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return f;
	return f;
}
