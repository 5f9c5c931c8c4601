// spin_trylock() takes the spinlock when it returns non-zero.  In 6.12
// spin_trylock() is an inline function of include/linux/spinlock.h over
// _raw_spin_trylock(), and spin_trylock_irqsave() a macro whose value is
// spin_trylock()'s.  An interrupt handler that runs only when the lock
// is free (drivers/net/wireless/ti/wlcore/main.c, wlcore_irq()) unlocks
// once per lock it took; one that forgets to is reported.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:

#include "kernel.h"

typedef struct { int rlock; } spinlock_t;
int _raw_spin_trylock(int *lock);
void spin_lock(spinlock_t *lock);
void spin_unlock(spinlock_t *lock);
void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags);
static inline int spin_trylock(spinlock_t *lock)
{
	return _raw_spin_trylock(&lock->rlock);
}
#define local_irq_save(flags) ((flags) = 0)
#define local_irq_restore(flags) ((void)(flags))
#define spin_trylock_irqsave(lock, flags) \
	({ local_irq_save(flags); spin_trylock(lock) ? 1 : \
	   ({ local_irq_restore(flags); 0; }); })

struct wl { spinlock_t wl_lock; int flags; int pending; };
int wl_work(struct wl *wl);

// Silent: the lock is taken again only when it is free, and dropped once.
int wl_irq(struct wl *wl)
{
	unsigned long flags;
	int ret;

	spin_lock(&wl->wl_lock);
	wl->pending = 1;
	spin_unlock(&wl->wl_lock);
	ret = wl_work(wl);
	if (spin_trylock_irqsave(&wl->wl_lock, flags)) {
		wl->flags = 0;
		spin_unlock_irqrestore(&wl->wl_lock, flags);
	}
	return ret;
}

// Silent: nothing to drop when the lock was busy.
int wl_poll(struct wl *wl)
{
	if (!spin_trylock(&wl->wl_lock))
		return -EIO;
	wl->pending = 0;
	spin_unlock(&wl->wl_lock);
	return 0;
}

// Fires: the busy-hardware return keeps the lock trylock took.
// CHECK-LABEL: In function 'wl_poll_busy':
int wl_poll_busy(struct wl *wl)
{
	if (!spin_trylock(&wl->wl_lock))
		return -EIO;
	if (wl->pending)
		// CHECK: trylock.c:[[@LINE+1]]:3: warning: 'wl->wl_lock' from spin_trylock() is not released on this error path; spin_unlock() is missing [ladder-leak]
		return -EIO;
	wl->pending = 1;
	spin_unlock(&wl->wl_lock);
	return 0;
}
