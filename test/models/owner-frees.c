// Model owner-frees: a function called from other files, whose error
// paths undo no member of any object, leaves what it stores in an object
// it was given to that object's destructor in the file
// (drivers/net/wireless/intel/iwlwifi/iwl-phy-db.c,
// iwl_phy_db_set_section() and iwl_phy_db_free()).
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-owner-frees %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

struct entry { void *data; int size; };
struct db { struct entry *groups; int ngroups; void *a, *b; struct entry cfg; };
struct entry *get_section(struct db *db, int id);
void *kmemdup(const void *src, size_t len, unsigned gfp);
int hw(void);

// The destructor: frees what the object keeps, acquires nothing.
void db_free(struct db *db)
{
	kfree(db->groups);
	kfree(db->a);
	kfree(db->b);
	kfree(db);
}

// Silent: the groups stay in db, which db_free() frees; freeing the old
// groups or entry data before replacing them is no undo.
// OFF-LABEL: In function 'db_set_section':
int db_set_section(struct db *db, int id, const void *data, int size)
{
	struct entry *entry;

	kfree(db->groups);
	db->groups = kcalloc(id + 1, sizeof(*db->groups), GFP_KERNEL);
	if (!db->groups)
		return -ENOMEM;
	db->ngroups = id + 1;
	entry = get_section(db, id);
	if (!entry)
		// OFF: :[[@LINE+1]]:3: warning: 'db->groups' from kcalloc() is not released on this error path
		return -EINVAL;
	kfree(entry->data);
	entry->data = kmemdup(data, size, GFP_KERNEL);
	if (!entry->data)
		return -ENOMEM;
	return 0;
}

// Fires: a helper that undoes one member on an error path undoes what
// it set up, so it owes the other too.
// CHECK-LABEL: In function 'db_setup':
int db_setup(struct db *db)
{
	db->a = kzalloc(16, GFP_KERNEL);
	if (!db->a)
		return -ENOMEM;
	db->b = kzalloc(16, GFP_KERNEL);
	if (!db->b) {
		kfree(db->a);
		return -ENOMEM;
	}
	if (hw())
		// CHECK: :[[@LINE+2]]:3: warning: 'db->a' from kzalloc() is not released on this error path
		// CHECK: :[[@LINE+1]]:3: warning: 'db->b' from kzalloc() is not released on this error path
		return -EIO;
	return 0;
}

struct ops { int (*open)(struct db *db); };

// Fires: a callback the file never calls (an ops table's open) has no
// owner that cleans after its failure.
// CHECK-LABEL: In function 'db_open':
static int db_open(struct db *db)
{
	db->a = kzalloc(16, GFP_KERNEL);
	if (!db->a)
		return -ENOMEM;
	if (hw())
		// CHECK: :[[@LINE+1]]:3: warning: 'db->a' from kzalloc() is not released on this error path
		return -EIO;
	return 0;
}

const struct ops db_ops = { .open = db_open };

// Fires: db_free_groups() undoes db_alloc_groups() by name, and runs
// only after it succeeded.
void db_free_groups(struct db *db)
{
	kfree(db->groups);
}

// CHECK-LABEL: In function 'db_alloc_groups':
int db_alloc_groups(struct db *db, int n)
{
	db->groups = kcalloc(n, sizeof(*db->groups), GFP_KERNEL);
	if (!db->groups)
		return -ENOMEM;
	if (hw())
		// CHECK: :[[@LINE+1]]:3: warning: 'db->groups' from kcalloc() is not released on this error path
		return -EIO;
	return 0;
}

// Fires: a static helper the file calls is judged by its callers here
// (model caller-cleans), and this one's caller frees nothing after it
// fails.
// CHECK-LABEL: In function 'db_fill':
static int db_fill(struct db *db)
{
	db->b = kzalloc(16, GFP_KERNEL);
	if (!db->b)
		return -ENOMEM;
	if (hw())
		// CHECK: :[[@LINE+1]]:3: warning: 'db->b' from kzalloc() is not released on this error path
		return -EIO;
	return 0;
}

int db_start(struct db *db)
{
	return db_fill(db);
}

// Fires: named as a callback that sets up (mirror-callbacks: probe),
// even where it has external linkage.
// CHECK-LABEL: In function 'db_probe':
int db_probe(struct db *db)
{
	db->a = kzalloc(16, GFP_KERNEL);
	if (!db->a)
		return -ENOMEM;
	if (hw())
		// CHECK: :[[@LINE+1]]:3: warning: 'db->a' from kzalloc() is not released on this error path
		return -EIO;
	return 0;
}
