// Model value-ranges: a value tested against constants keeps the range
// those tests left it until it is assigned.  A later test that the
// range already answers is not a branch: the lock chosen by "ev_code
// >= OOB" is dropped under the same test, and a switch case below OOB
// cannot be taken on the path that took the write lock
// (drivers/bus/mhi/host/main.c, parse_xfer_event()).
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-value-ranges %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

typedef struct { int raw; } rwlock_t;
unsigned long _raw_write_lock_irqsave(rwlock_t *lock);
void _raw_write_unlock_irqrestore(rwlock_t *lock, unsigned long flags);
void _raw_read_lock_bh(rwlock_t *lock);
void _raw_read_unlock_bh(rwlock_t *lock);
struct mutex { int owner; };
void mutex_lock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);

enum { CC_EOT = 2, CC_OVERFLOW = 3, CC_OOB = 5, CC_DB_MODE = 6 };
struct chan { rwlock_t lock; int state; int db_mode; };
int ring_ok(struct chan *c);

// OFF-LABEL: In function 'parse_event':
int parse_event(struct chan *c, unsigned int ev_code)
{
	unsigned long flags = 0;

	if (ev_code >= CC_OOB)
		flags = _raw_write_lock_irqsave(&c->lock);
	else
		_raw_read_lock_bh(&c->lock);
	if (c->state != 1)
		goto end;
	switch (ev_code) {
	case CC_OVERFLOW:
	case CC_EOT:
		if (!ring_ok(c))
			break;
		_raw_read_unlock_bh(&c->lock);
		_raw_read_lock_bh(&c->lock);
		break;
	case CC_OOB:
	case CC_DB_MODE:
		c->db_mode = 1;
		break;
	default:
		break;
	}
end:
	if (ev_code >= CC_OOB)
		_raw_write_unlock_irqrestore(&c->lock, flags);
	else
		_raw_read_unlock_bh(&c->lock);
	// OFF: value-ranges.c:[[@LINE+2]]:2: warning: 'c->lock' from _raw_write_lock_irqsave() is still held at this return; _raw_write_unlock_irqrestore() is missing [ladder-lock-held]
	// OFF: value-ranges.c:[[@LINE+1]]:2: warning: 'c->lock' from _raw_read_lock_bh() is still held at this return; _raw_read_unlock_bh() is missing [ladder-lock-held]
	return 0;
}

// A value ordered twice against a constant its sign cannot decide (> 1
// of a positive mode) orders the same way: the lock taken under the
// first test is dropped under the second (drivers/net/wireless/rsi/
// rsi_91x_hal.c, rsi_send_pkt_to_bus()).
struct bus_ops { int (*write)(void *priv, int len); };
struct rsi_common { int coex_mode; struct mutex tx_bus_mutex; void *priv; struct bus_ops *ops; };

// OFF-LABEL: In function 'send_pkt':
int send_pkt(struct rsi_common *common, int len)
{
	int status;

	if (common->coex_mode > 1)
		mutex_lock(&common->tx_bus_mutex);
	status = common->ops->write(common->priv, len);
	if (common->coex_mode > 1)
		mutex_unlock(&common->tx_bus_mutex);
	// OFF: value-ranges.c:[[@LINE+1]]:2: warning: 'common->tx_bus_mutex' from mutex_lock() is still held at this return; mutex_unlock() is missing [ladder-lock-held]
	return status;
}

// The order and its negation are one question: "len >= 8" and "len < 8".
// OFF-LABEL: In function 'pad_buffer':
int pad_buffer(int len)
{
	void *buf = NULL;

	if (len >= 8) {
		buf = kmalloc(len, GFP_KERNEL);
		if (!buf)
			return -ENOMEM;
	}
	if (some_setup()) {
		if (!(len < 8))
			kfree(buf);
		// OFF: value-ranges.c:[[@LINE+1]]:3: warning: 'buf' from kmalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -EIO;
	}
	kfree(buf);
	return 0;
}

// A range answers tests against other constants: len >= 16 holds
// wherever len > 20 did.
// OFF-LABEL: In function 'pad_wider':
int pad_wider(int len)
{
	void *buf = NULL;

	if (len > 20) {
		buf = kmalloc(len, GFP_KERNEL);
		if (!buf)
			return -ENOMEM;
	}
	if (some_setup()) {
		if (len >= 16)
			kfree(buf);
		// OFF: value-ranges.c:[[@LINE+1]]:3: warning: 'buf' from kmalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -EIO;
	}
	kfree(buf);
	return 0;
}

// Another constant that the range does not decide is another question:
// 8 <= len <= 16 keeps the buffer.
// CHECK-LABEL: In function 'pad_other':
int pad_other(int len)
{
	void *buf = NULL;

	if (len >= 8) {
		buf = kmalloc(len, GFP_KERNEL);
		if (!buf)
			return -ENOMEM;
	}
	if (some_setup()) {
		if (len > 16)
			kfree(buf);
		// CHECK: value-ranges.c:[[@LINE+1]]:3: warning: 'buf' from kmalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -EIO;
	}
	kfree(buf);
	return 0;
}

// An assignment between the tests makes a new value with no range: the
// path where the buffer stays is real.
// CHECK-LABEL: In function 'pad_moved':
int pad_moved(int len)
{
	void *buf = NULL;

	if (len >= 8) {
		buf = kmalloc(len, GFP_KERNEL);
		if (!buf)
			return -ENOMEM;
	}
	len = some_setup();
	if (len) {
		if (len >= 8)
			kfree(buf);
		// CHECK: value-ranges.c:[[@LINE+1]]:3: warning: 'buf' from kmalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -EIO;
	}
	kfree(buf);
	return 0;
}
