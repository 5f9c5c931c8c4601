// A warning names a call as the source line spells it: the function-like
// macro used there, when the callee's name has it (kzalloc() for
// kzalloc_noprof(), spin_lock_irqsave() for _raw_spin_lock_irqsave()) or
// the rules know it for the same pair (kcalloc() for the
// kmalloc_array_noprof() the compiler sees).  Path notes too.  A call
// made inside some other macro keeps its own name.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:

#include "kernel.h"

void *kmalloc_array_noprof(unsigned long n, unsigned long size, unsigned flags);
#define kcalloc(n, s, f) kmalloc_array_noprof(n, s, (f) | 0x100u)
void *kzalloc_noprof(unsigned long size, unsigned flags);
#define kzalloc(s, f) kzalloc_noprof(s, f)
typedef struct { int raw; } spinlock_t;
unsigned long _raw_spin_lock_irqsave(spinlock_t *l);
void spin_unlock_irqrestore(spinlock_t *l, unsigned long flags);
#define spin_lock_irqsave(lock, flags) \
	do { flags = _raw_spin_lock_irqsave(lock); } while (0)
#define CHECKED(x) ({ void *__p = (x); __p; })

struct priv { spinlock_t lock; void *buf, *ring; };
int hw_poke(struct priv *p);

// CHECK-LABEL: In function 'by_macro':
int by_macro(struct priv *p)
{
	void *ring = kcalloc(4, 64, GFP_KERNEL);
	unsigned long flags;

	if (!ring)
		return -ENOMEM;
	spin_lock_irqsave(&p->lock, flags);
	if (hw_poke(p))
		// CHECK: source-names.c:[[@LINE+4]]:3: warning: 'ring' from kcalloc() is not released on this error path; kfree() is missing [ladder-leak]
		// CHECK-NEXT: note: 'ring' acquired here by kcalloc()
		// CHECK-NEXT: note: 'ring' (from kcalloc()) is not NULL
		// CHECK: source-names.c:[[@LINE+1]]:3: warning: 'p->lock' from spin_lock_irqsave() is not released on this error path; spin_unlock_irqrestore() is missing [ladder-leak]
		return -EIO;
	spin_unlock_irqrestore(&p->lock, flags);
	p->ring = ring;
	return 0;
}

// Inside a macro that is no name for it: the callee's own name.
// CHECK-LABEL: In function 'in_other_macro':
int in_other_macro(struct priv *p)
{
	void *buf = CHECKED(kzalloc_noprof(64, GFP_KERNEL));

	if (!buf)
		return -ENOMEM;
	if (hw_poke(p))
		// CHECK: source-names.c:[[@LINE+1]]:3: warning: 'buf' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -EIO;
	p->buf = buf;
	return 0;
}
