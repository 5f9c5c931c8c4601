// Model cleared-after-member: a pointer set to NULL by the statement
// right after a call given the address of one of its members no longer
// names what it held.  The callee reaches the object by container_of(),
// and the NULL says it is gone: the release callback of the object
// embedded there freed it.  The shape is the driver core's
// bus_register() (drivers/base/bus.c: kset_unregister(&priv->subsys);
// "Above kset_unregister() will kfree @priv"; priv = NULL;).  A NULL
// store with no such call before it, or after a lock's release, still
// leaves the object owed.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-cleared-after-member %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

struct kobject { int refs; };
struct kset { struct kobject kobj; };
struct subsys_private {
	struct kset subsys;
	struct kset *devices_kset;
	struct mutex_like { int owner; } lock;
	int autoprobe;
};

int kset_register(struct kset *k);
void kset_unregister(struct kset *k);
int bus_create_file(const char *name);
int kobject_set_name(struct kobject *kobj, const char *name);
void mutex_lock(struct mutex_like *lock);
void mutex_unlock(struct mutex_like *lock);
void kfree(const void *p);

struct subsys_private *registered;

// Silent: the kset's release frees priv, and the function says so.
// OFF-LABEL: In function 'bus_register':
int bus_register(const char *name)
{
	struct subsys_private *priv;
	int retval;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	retval = kobject_set_name(&priv->subsys.kobj, name);
	if (retval)
		goto out;
	retval = kset_register(&priv->subsys);
	if (retval)
		goto out;
	retval = bus_create_file(name);
	if (retval)
		goto bus_uevent_fail;
	registered = priv;
	return 0;

bus_uevent_fail:
	kset_unregister(&priv->subsys);
	priv = NULL;
out:
	kfree(priv);
	// OFF: cleared-after-member.c:[[@LINE+1]]:2: warning: 'priv' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
	return retval;
}

// Fires: the unregister is gone, and the NULL store alone gives
// nothing away.
// CHECK-LABEL: In function 'bus_register_no_unregister':
int bus_register_no_unregister(const char *name)
{
	struct subsys_private *priv;
	int retval;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	retval = kset_register(&priv->subsys);
	if (retval)
		goto out;
	retval = bus_create_file(name);
	if (retval)
		goto bus_uevent_fail;
	registered = priv;
	return 0;

bus_uevent_fail:
	priv->autoprobe = 0;
	priv = NULL;
out:
	kfree(priv);
	// CHECK: cleared-after-member.c:[[@LINE+1]]:2: warning: 'priv' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
	return retval;
}

// Fires: dropping a lock inside the object frees nothing.
// CHECK-LABEL: In function 'setup_locked':
int setup_locked(const char *name)
{
	struct subsys_private *priv;
	int retval;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	mutex_lock(&priv->lock);
	retval = bus_create_file(name);
	if (retval) {
		mutex_unlock(&priv->lock);
		priv = NULL;
		goto out;
	}
	mutex_unlock(&priv->lock);
	registered = priv;
	return 0;
out:
	kfree(priv);
	// CHECK: cleared-after-member.c:[[@LINE+1]]:2: warning: 'priv' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
	return retval;
}
