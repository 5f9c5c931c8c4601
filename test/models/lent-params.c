// Model lent-params: a helper of the file that only reads, writes and
// tests through a pointer it is given, or lends it on to calls that
// keep nothing (memcpy(), another such helper), keeps none of it: what
// only locals held before the call, only locals hold after it.  A
// response buffer filled by helpers and never freed on one way out
// (drivers/scsi/libsas/sas_host_smp.c, sas_smp_host_handler() and
// sas_report_phy_sata(), whose local "u8 *dst = resp_data + 24 + i" is
// the buffer's too).  A pointer into the buffer passed to memcpy() is
// the buffer lent for the call.  A helper that stores the pointer, or a
// pointer into its object, or gives it to a call that may keep it, or
// returns a pointer, keeps it.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-lent-params %s | FileCheck %s --check-prefix=OFF --allow-empty --implicit-check-not=warning:

#include "kernel.h"

typedef unsigned char u8;
void *memcpy(void *dst, const void *src, unsigned long n);
void send_reply(const u8 *buf, int len);
void keep_somewhere(void *p);

struct ha { int num_phys; u8 sas_addr[8]; void *last; };

static void report_phy(struct ha *ha, u8 *resp, u8 phy)
{
	int i;

	if (phy >= ha->num_phys) {
		resp[2] = 0x10;
		return;
	}
	memcpy(resp + 16, ha->sas_addr, 8);
	for (i = 0; i < 8; i += 4) {
		u8 *dst = resp + 24 + i;

		dst[0] = ha->sas_addr[i];
	}
}

static void discover(struct ha *ha, u8 *resp, u8 phy)
{
	resp[9] = phy;
	report_phy(ha, resp, phy);
}

// CHECK-LABEL: In function 'smp_handler':
// OFF-NOT: warning:
void smp_handler(struct ha *ha, int fn)
{
	u8 *resp = kzalloc(64, GFP_KERNEL);

	if (!resp)
		return;
	if (fn == 1)
		discover(ha, resp, 3);
	else if (fn == 2)
		goto out;
	memcpy(resp + 4, ha->sas_addr, 4);
	send_reply(resp, 64);
	kfree(resp);
	return;
out:
	// CHECK: lent-params.c:[[@LINE+1]]:1: warning: 'resp' from kzalloc() is still held at this return, and nothing but a local variable holds it; kfree() is missing [ladder-lost-handle]
}

// A helper that keeps the pointer in an object it was given: silent.
static void remember(struct ha *ha, u8 *resp)
{
	resp[0] = 1;
	ha->last = resp;
}

void smp_remembered(struct ha *ha, int fn)
{
	u8 *resp = kzalloc(64, GFP_KERNEL);

	if (!resp)
		return;
	remember(ha, resp);
	if (fn == 2)
		return;
	kfree(resp);
}

// Through a local alias into its object, given to a call that may keep
// it: silent.
static void queue_tail(u8 *resp)
{
	u8 *tail = resp + 8;

	keep_somewhere(tail);
}

void smp_queued(struct ha *ha, int fn)
{
	u8 *resp = kzalloc(64, GFP_KERNEL);

	if (!resp)
		return;
	queue_tail(resp);
	if (fn == 2)
		return;
	kfree(resp);
}

// A helper returning a pointer may return one that leads back: silent.
static u8 *header_of(u8 *resp)
{
	return resp + 2;
}

void smp_header(struct ha *ha, int fn)
{
	u8 *resp = kzalloc(64, GFP_KERNEL);
	u8 *hdr;

	if (!resp)
		return;
	hdr = header_of(resp);
	hdr[0] = 1;
	if (fn == 2)
		return;
	kfree(resp);
}
