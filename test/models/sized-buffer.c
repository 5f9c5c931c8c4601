// Model sized-buffer: a function of another file given a buffer and
// then its length ("void *data, u32 len", the rules' length-words)
// reads or fills the buffer for its caller; it does not keep it.  So a
// buffer only locals hold is lost where the function returns without
// freeing it, whatever the return says
// (drivers/net/wireless/broadcom/brcm80211/brcmfmac/cfg80211.c,
// brcmf_fill_bss_param(), with its kfree() deleted).  A pointer given
// before an integer that is no length (virtqueue_add_outbuf()'s
// "void *data, gfp_t gfp") may be kept.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-sized-buffer %s | FileCheck %s --allow-empty --check-prefixes=OFF --implicit-check-not=warning:

#include "kernel.h"

struct ifp;
struct vq;
int fil_cmd_data_get(struct ifp *ifp, unsigned cmd, void *data, unsigned len);
int vq_add_outbuf(struct vq *vq, void *data, unsigned gfp);
struct bss { int beacon; int dtim; };
struct station { int beacon; };

// Fires: fil_cmd_data_get() only fills buf.
// CHECK-LABEL: In function 'fill_bss_param':
// OFF-NOT: In function 'fill_bss_param':
void fill_bss_param(struct ifp *ifp, struct station *si)
{
	struct bss *buf = kzalloc(2048, GFP_KERNEL);

	if (!buf)
		return;
	if (fil_cmd_data_get(ifp, 136, buf, 2048))
		goto out;
	si->beacon = buf->beacon;
out:
	// CHECK: sized-buffer.c:[[@LINE+1]]:1: warning: 'buf' from kzalloc() is still held at this return, and nothing but a local variable holds it; kfree() is missing [ladder-lost-handle]
}

// Silent: gfp is no length, and the queue keeps its data.
void send_token(struct vq *vq)
{
	void *token = kzalloc(64, GFP_KERNEL);

	if (!token)
		return;
	vq_add_outbuf(vq, token, GFP_KERNEL);
}

// Silent: freed after the call filled it.
void fill_and_free(struct ifp *ifp, struct station *si)
{
	struct bss *buf = kzalloc(2048, GFP_KERNEL);

	if (!buf)
		return;
	if (!fil_cmd_data_get(ifp, 136, buf, 2048))
		si->beacon = buf->beacon;
	kfree(buf);
}
