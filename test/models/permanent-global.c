// Model permanent-global: an object kept in a global that no function of
// the file releases is meant to stay.  drivers/firmware/dmi_scan.c,
// dmi_init(): "This entry should stay even after farther error, as it
// can be used by other modules like dmi-sysfs."
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-permanent-global %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

struct kobject;
struct kobject *kobject_create_and_add(const char *name, struct kobject *parent);
void kobject_put(struct kobject *kobj);
extern struct kobject *firmware_kobj;
static struct kobject *dmi_kobj;
int dmi_export_tables(struct kobject *tables);

// OFF-LABEL: In function 'global_meant_to_stay':
int global_meant_to_stay(void)
{
	struct kobject *tables_kobj;

	dmi_kobj = kobject_create_and_add("dmi", firmware_kobj);
	if (!dmi_kobj)
		return -ENOMEM;
	tables_kobj = kobject_create_and_add("tables", dmi_kobj);
	if (!tables_kobj)
		// OFF: permanent-global.c:[[@LINE+1]]:3: warning: 'dmi_kobj' from kobject_create_and_add() is not released on this error path; kobject_put() is missing [ladder-leak]
		return -ENOMEM;
	if (dmi_export_tables(tables_kobj))
		goto err_tables;
	return 0;
err_tables:
	kobject_put(tables_kobj);
	return -ENOMEM;
}

// A global the file does release elsewhere (its module exit destroys
// it) is still owed by an init that fails, model or not.
struct workqueue_struct;
struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned flags, int max, ...);
void destroy_workqueue(struct workqueue_struct *wq);
static struct workqueue_struct *foo_wq;
int foo_register_driver(void);

// CHECK-LABEL: In function 'foo_init':
int foo_init(void)
{
	int ret;

	foo_wq = alloc_workqueue("foo", 0, 0);
	if (!foo_wq)
		return -ENOMEM;
	ret = foo_register_driver();
	if (ret)
		// CHECK: permanent-global.c:[[@LINE+1]]:3: warning: 'foo_wq' from alloc_workqueue() is not released on this error path; destroy_workqueue() is missing [ladder-leak]
		return ret;
	return 0;
}

void foo_exit(void)
{
	destroy_workqueue(foo_wq);
}
