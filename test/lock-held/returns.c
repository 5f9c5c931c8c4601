// lock-held: a lock taken in the function is still held where it returns,
// and the return is no error (error returns are the leak check's).
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-held-by-name %s | FileCheck %s --check-prefixes=CHECK,NAMED --implicit-check-not=warning:
// RUN: %ladder -I %inputs --stats %s 2>&1 >/dev/null | FileCheck %s --check-prefix=STATS

#include "kernel.h"

struct mutex { int owner; };
typedef struct { int raw; } spinlock_t;
void mutex_lock(struct mutex *m);
void mutex_unlock(struct mutex *m);
void spin_lock(spinlock_t *l);
void spin_unlock(spinlock_t *l);

struct priv { struct mutex lock; spinlock_t slock; int state; };
int hw_poke(struct priv *p);

// A work function that unlocks on one path and not on the other: void,
// so no error return, and the next caller of mutex_lock() waits forever.
// CHECK-LABEL: In function 'update_work':
void update_work(struct priv *p)
{
	mutex_lock(&p->lock);
	if (p->state)
		// CHECK: returns.c:[[@LINE+1]]:3: warning: 'p->lock' from mutex_lock() is still held at this return; mutex_unlock() is missing [ladder-lock-held]
		return;
	hw_poke(p);
	mutex_unlock(&p->lock);
}

// A success return with the spinlock held on one path.
// CHECK-LABEL: In function 'count_state':
int count_state(struct priv *p)
{
	int n = 0;

	spin_lock(&p->slock);
	if (p->state > 4)
		// CHECK: returns.c:[[@LINE+1]]:3: warning: 'p->slock' from spin_lock() is still held at this return; spin_unlock() is missing [ladder-lock-held]
		return 4;
	n = p->state;
	spin_unlock(&p->slock);
	return n;
}

// Balanced: silent.
void balanced(struct priv *p)
{
	mutex_lock(&p->lock);
	if (!p->state) {
		mutex_unlock(&p->lock);
		return;
	}
	hw_poke(p);
	mutex_unlock(&p->lock);
}

// Named for taking the lock: returns holding it on purpose (model
// held-by-name), as sparse's __acquires() would say.
// NAMED-LABEL: In function 'priv_lock':
void priv_lock(struct priv *p)
{
	mutex_lock(&p->lock);
	p->state++;
	// NAMED: returns.c:[[@LINE+1]]:1: warning: 'p->lock' from mutex_lock() is still held at this return; mutex_unlock() is missing [ladder-lock-held]
}

// A trylock helper returns 0 holding the lock (drivers/mtd/ubi/eba.c,
// leb_write_trylock()); "trylock" is one of held-on-return-words.
// NAMED-LABEL: In function 'priv_trylock':
int priv_trylock(struct priv *p)
{
	mutex_lock(&p->lock);
	if (!p->state)
		// NAMED: returns.c:[[@LINE+1]]:3: warning: 'p->lock' from mutex_lock() is still held at this return; mutex_unlock() is missing [ladder-lock-held]
		return 0;
	mutex_unlock(&p->lock);
	return 1;
}

// Named for a getter, but it drops the lock itself before one "return
// 0;": it is no function that returns holding it, and the other "return
// 0;" that keeps it is an imbalance (drivers/net/wireless/ath/ath11k/
// mac.c, ath11k_mac_op_get_txpower() with an unlock deleted).
int hw_ready(struct priv *p);
// CHECK-LABEL: In function 'priv_get_power':
int priv_get_power(struct priv *p, int *power)
{
	mutex_lock(&p->lock);
	if (!hw_ready(p))
		goto fallback;
	*power = p->state;
	mutex_unlock(&p->lock);
	return 0;
fallback:
	*power = 0;
	// CHECK: returns.c:[[@LINE+1]]:2: warning: 'p->lock' from mutex_lock() is still held at this return; mutex_unlock() is missing [ladder-lock-held]
	return 0;
}

// A getter that drops the lock only to wait and take it again returns
// holding it on purpose all the same (drivers/mtd/nand/raw/nand_base.c,
// nand_get_device()).
void hw_wait_resumed(struct priv *p);
// NAMED-LABEL: In function 'priv_get_device':
void priv_get_device(struct priv *p)
{
	while (1) {
		mutex_lock(&p->lock);
		if (!p->state)
			// NAMED: returns.c:[[@LINE+1]]:4: warning: 'p->lock' from mutex_lock() is still held at this return; mutex_unlock() is missing [ladder-lock-held]
			return;
		mutex_unlock(&p->lock);
		hw_wait_resumed(p);
	}
}

// seq_file's ->start() takes the lock that ->stop() drops: it returns
// holding it on purpose, as its name says (model held-by-name).
// NAMED-LABEL: In function 'priv_seq_start':
void *priv_seq_start(struct priv *p)
{
	mutex_lock(&p->lock);
	// Its NULL is an error return to ladder, its p a success one: held
	// at both, one cause, one warning.
	// NAMED: returns.c:[[@LINE+1]]:2: warning: 'p->lock' from mutex_lock() is {{not released on this error path|still held at this return}}; mutex_unlock() is missing [ladder-{{leak|lock-held}}]
	return p->state ? p : NULL;
}

// An ops ->start() named "start" that takes its lock for its own work
// and fails with an errno still holding it: its caller sees the failure
// and never unlocks (the name does not excuse an errno return).
int hw_start(struct priv *p);
// CHECK-LABEL: In function 'priv_op_start':
int priv_op_start(struct priv *p)
{
	int ret;

	mutex_lock(&p->lock);
	ret = hw_start(p);
	if (ret)
		goto err;
	mutex_unlock(&p->lock);
	return 0;
err:
	p->state = 0;
	// CHECK: returns.c:[[@LINE+1]]:2: warning: 'p->lock' from mutex_lock() is not released on this error path; mutex_unlock() is missing [ladder-leak]
	return ret;
}

// STATS: ladder: stats: 4 findings; silenced by model: {{.*}} held-by-name 4
