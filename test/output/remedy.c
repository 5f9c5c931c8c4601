// The release a warning names undoes the acquire that was made: a pair
// with several acquires and releases names, per acquire, the release
// whose name mirrors it (rules' mirror-verbs), or the one its rule names
// as "remedy:".  Not the pair's first release.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:

#include "kernel.h"

typedef struct { int raw; } spinlock_t;
void spin_lock_irq(spinlock_t *l);
void spin_unlock(spinlock_t *l);
void spin_unlock_irq(spinlock_t *l);
void spin_unlock_irqrestore(spinlock_t *l, unsigned long flags);
unsigned long _raw_spin_lock_irqsave(spinlock_t *l);
#define spin_lock_irqsave(l, f) ((f) = _raw_spin_lock_irqsave(l))

struct phy;
struct device_node;
struct phy *of_phy_get(struct device_node *np, const char *con_id);
void of_phy_put(struct phy *phy);

struct priv { spinlock_t lock; struct phy *phy; int state; };
int hw_poke(struct priv *p);

// spin_lock_irq() is undone by spin_unlock_irq(), not spin_unlock():
// the mirror of its name.
// CHECK-LABEL: In function 'irq_off':
int irq_off(struct priv *p)
{
	spin_lock_irq(&p->lock);
	if (hw_poke(p))
		// CHECK: remedy.c:[[@LINE+1]]:3: warning: 'p->lock' from spin_lock_irq() is not released on this error path; spin_unlock_irq() is missing [ladder-leak]
		return -EIO;
	spin_unlock_irq(&p->lock);
	return 0;
}

// spin_lock_irqsave() reaches the compiler as _raw_spin_lock_irqsave();
// its rule names spin_unlock_irqrestore() as the remedy.
// CHECK-LABEL: In function 'irq_saved':
int irq_saved(struct priv *p)
{
	unsigned long flags;

	spin_lock_irqsave(&p->lock, flags);
	if (hw_poke(p))
		// CHECK: remedy.c:[[@LINE+1]]:3: warning: 'p->lock' from spin_lock_irqsave() is not released on this error path; spin_unlock_irqrestore() is missing [ladder-leak]
		return -EIO;
	spin_unlock_irqrestore(&p->lock, flags);
	return 0;
}

// of_phy_get() is undone by of_phy_put(phy), not by phy_put(dev, phy).
// CHECK-LABEL: In function 'phy_by_node':
int phy_by_node(struct priv *p, struct device_node *np)
{
	struct phy *phy = of_phy_get(np, "usb");

	if (IS_ERR(phy))
		return -ENODEV;
	if (hw_poke(p))
		// CHECK: remedy.c:[[@LINE+1]]:3: warning: 'phy' from of_phy_get() is not released on this error path; of_phy_put() is missing [ladder-leak]
		return -EIO;
	p->phy = phy;
	return 0;
}
