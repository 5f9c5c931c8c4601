// Model caller-chain: what cleans after a caller's failure cleans after
// the callee whose failure it passes on.  spu_aead_rx_sg_create() leaves
// a buffer in the message it is given and fails through
// handle_aead_req() to aead_enqueue(), whose spu_chunk_cleanup() frees
// it (drivers/crypto/bcm/cipher.c).
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-caller-chain %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

struct msg { void *dst; void *src; };
int map_sg(struct msg *m);
int send(struct msg *m);

static void chunk_cleanup(struct msg *m)
{
	kfree(m->dst);
	kfree(m->src);
}

// OFF-LABEL: In function 'rx_sg_create':
static int rx_sg_create(struct msg *m)
{
	m->dst = kcalloc(4, 16, GFP_KERNEL);
	if (!m->dst)
		return -ENOMEM;
	if (map_sg(m))
		// OFF: caller-chain.c:[[@LINE+1]]:3: warning: 'm->dst' from kcalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -EIO;
	return 0;
}

static int handle_req(struct msg *m)
{
	int err = rx_sg_create(m);

	if (err)
		return err;
	return send(m);
}

int enqueue(struct msg *m)
{
	int err = handle_req(m);

	if (err)
		chunk_cleanup(m);
	return err;
}

// With no caller up the chain that cleans, the callee owes it.
// CHECK-LABEL: In function 'tx_sg_create':
static int tx_sg_create(struct msg *m)
{
	m->src = kcalloc(4, 16, GFP_KERNEL);
	if (!m->src)
		return -ENOMEM;
	if (map_sg(m))
		// CHECK: caller-chain.c:[[@LINE+1]]:3: warning: 'm->src' from kcalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -EIO;
	return 0;
}

static int handle_tx(struct msg *m)
{
	int err = tx_sg_create(m);

	if (err)
		return err;
	return send(m);
}

int enqueue_tx(struct msg *m)
{
	return handle_tx(m);
}
