// The generated memory script, in report and patch modes, on the shapes
// kernel error paths take.  Each function says whether it must fire.
//
// REQUIRES: spatch
// RUN: %spatch -D report --no-show-diff --sp-file %cocci/memory.cocci %s \
// RUN:   | sort -t: -k2n | FileCheck %s --implicit-check-not=ERROR
// RUN: %spatch -D patch --sp-file %cocci/memory.cocci %s | grep '^[-+]' \
// RUN:   | FileCheck %s --check-prefix=PATCH
// RUN: %spatch -D org --no-show-diff --sp-file %cocci/memory.cocci %s \
// RUN:   | FileCheck %s --check-prefix=ORG

#define NULL ((void *)0)
#define ENOMEM 12
#define GFP_KERNEL 0
struct device { void *p; void *q; };
void *kmalloc(unsigned long size, int flags);
void *kzalloc(unsigned long size, int flags);
void kfree(const void *p);
void *devm_kzalloc(struct device *dev, unsigned long size, int flags);
void *alloc_pages_exact(unsigned long size, int flags);
void free_pages_exact(void *p, unsigned long size);
int setup(struct device *dev);
int more(struct device *dev);
#define unlikely(x) (x)

/* Fires: the early return forgets the buffer the later path frees. */
int fires_return(struct device *dev)
{
	void *a;
	int ret;

	a = kmalloc(16, GFP_KERNEL);
	if (!a)
		return -ENOMEM;
	ret = setup(dev);
// CHECK: memory.c:[[@LINE+1]]:1-3: ERROR: kmalloc() on line [[@LINE-4]] is not undone on this error exit; kfree() is missing [ladder-leak]
	if (ret)
		return ret;
	ret = more(dev);
	if (ret) {
		kfree(a);
		return ret;
	}
	dev->p = a;
	return 0;
}
// Patch mode changes exactly this, and the return in fires_pages.
// PATCH:      --- {{.*}}memory.c
// PATCH-NEXT: +++ {{.*}}memory.c
// PATCH-NEXT: -	if (ret)
// PATCH-NEXT: +	if (ret) {
// PATCH-NEXT: +		kfree(a);
// PATCH-NEXT: +	}

/* Fires: a goto to the rung below the one that frees b.  Report only:
 * the fix is another label, which patch mode leaves to a person. */
int fires_goto(struct device *dev)
{
	void *a, *b;
	int ret;

	a = kzalloc(16, GFP_KERNEL);
	if (unlikely(!a))
		return -ENOMEM;
	b = kzalloc(16, GFP_KERNEL);
	if (!b) {
		ret = -ENOMEM;
		goto free_a;
	}
	ret = setup(dev);
// CHECK: memory.c:[[@LINE+1]]:1-3: ERROR: kzalloc() on line [[@LINE-6]] is not undone on this error exit; kfree() is missing [ladder-leak]
	if (ret)
		goto free_a;
	ret = more(dev);
	if (ret)
		goto free_b;
	return 0;
free_b:
	kfree(b);
free_a:
	kfree(a);
	return ret;
}

/* Fires: the size argument of the release is copied as written. */
int fires_pages(struct device *dev, unsigned long sz)
{
	void *buf;
	int ret;

	buf = alloc_pages_exact(sz, GFP_KERNEL);
	if (buf == NULL)
		return -ENOMEM;
	ret = setup(dev);
// CHECK: memory.c:[[@LINE+1]]:1-3: ERROR: alloc_pages_exact() on line [[@LINE-4]] is not undone on this error exit; free_pages_exact() is missing [ladder-leak]
	if (ret < 0) {
		dev->q = NULL;
		return ret;
	}
	ret = more(dev);
	if (ret)
		goto out;
	return 0;
out:
	free_pages_exact(buf, sz);
	return ret;
}
// PATCH-NEXT: +		free_pages_exact(buf, sz);
// PATCH-NOT:  {{.}}

/* Silent: every error exit frees, directly or through the ladder. */
int silent_ladder(struct device *dev)
{
	void *a, *b;
	int ret;

	a = kmalloc(16, GFP_KERNEL);
	if (!a)
		return -ENOMEM;
	b = kmalloc(16, GFP_KERNEL);
	if (!b) {
		ret = -ENOMEM;
		goto free_a;
	}
	ret = setup(dev);
	if (ret)
		goto free_b;
	return 0;
free_b:
	kfree(b);
free_a:
	kfree(a);
	return ret;
}

/* Silent: the failure branch of the acquire owes nothing, the success
 * return is not an error exit, and "if (p) kfree(p)" is a release. */
int silent_success(struct device *dev)
{
	void *a;
	int ret;

	a = kmalloc(16, GFP_KERNEL);
	if (!a)
		return -ENOMEM;
	ret = setup(dev);
	if (!ret)
		return ret;
	if (a)
		kfree(a);
	return ret;
}

/* Silent: the buffer is handed to dev before the exit. */
int silent_owned(struct device *dev)
{
	void *a;

	a = kmalloc(16, GFP_KERNEL);
	if (!a)
		return -ENOMEM;
	dev->p = a;
	if (setup(dev))
		return -1;
	kfree(a);
	return 0;
}

/* Silent: devm memory is freed by the driver core; no rule pairs it. */
int silent_devm(struct device *dev)
{
	void *a = devm_kzalloc(dev, 16, GFP_KERNEL);

	if (!a)
		return -ENOMEM;
	if (setup(dev))
		return -1;
	return 0;
}

/* Silent: the resource is what the function returns. */
void *silent_returned(struct device *dev)
{
	void *a;

	a = kmalloc(16, GFP_KERNEL);
	if (!a)
		return NULL;
	if (setup(dev))
		return a;
	kfree(a);
	return NULL;
}

/* Silent: acpi_load_table() took the table over (efivar_ssdt_load()). */
int acpi_load_table(void *table, void *index);
int silent_taken(struct device *dev)
{
	void *data;

	for (;;) {
		if (setup(dev))
			return -5;
		data = kmalloc(16, GFP_KERNEL);
		if (!data)
			return -ENOMEM;
		if (!acpi_load_table(data, NULL))
			continue;
		kfree(data);
	}
	return 0;
}

// Org mode: one entry per finding, the acquire and then the exit.
// ORG: * TODO {{\[\[}}view:{{.*}}memory.c::face=ovl-face1::linb={{[0-9]+}}::{{.*}}[kmalloc {{.*}}memory.c::{{[0-9]+}}]]
// ORG-NEXT: {{\[\[}}view:{{.*}}memory.c::face=ovl-face2::linb={{[0-9]+}}::colb=1::cole=3][kfree]]
