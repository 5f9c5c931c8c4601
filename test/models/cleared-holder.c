// Model cleared-holder: a member set to NULL that alone held what the
// function left in it for the object's owner (a caller that cleans
// after the failure) leaves the owner nothing to clean: the path owes
// it again.  An unwind that clears the key's member but lost its
// dma_free_coherent() (drivers/crypto/hisilicon/hpre/hpre_crypto.c,
// hpre_rsa_setkey_crt(), whose callers clear the context on failure).
// Not when a local still holds it, nor when what is stored is not 0.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-cleared-holder %s | FileCheck %s --check-prefix=OFF --allow-empty --implicit-check-not=warning:

#include "kernel.h"

struct rsa { char *prikey; };
struct ctx { struct rsa rsa; int mode; };
int para_get(char *dst, int len);

static void clear_ctx(struct ctx *ctx)
{
	kfree(ctx->rsa.prikey);
	ctx->rsa.prikey = NULL;
}

// CHECK-LABEL: In function 'setkey_crt':
// OFF-NOT: warning:
static int setkey_crt(struct ctx *ctx)
{
	int ret;

	ctx->rsa.prikey = kzalloc(64, GFP_KERNEL);
	if (!ctx->rsa.prikey)
		return -ENOMEM;
	ret = para_get(ctx->rsa.prikey, 32);
	if (ret)
		goto free_key;
	ctx->mode = 1;
	return 0;

free_key:
	ctx->rsa.prikey = NULL;
	ctx->mode = 0;
	// CHECK: cleared-holder.c:[[@LINE+1]]:2: warning: 'ctx->rsa.prikey' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
	return ret;
}

// The key handed back to a local before the member is cleared: silent.
static int setkey_kept(struct ctx *ctx, char **out)
{
	char *key;
	int ret;

	ctx->rsa.prikey = kzalloc(64, GFP_KERNEL);
	if (!ctx->rsa.prikey)
		return -ENOMEM;
	ret = para_get(ctx->rsa.prikey, 32);
	if (ret) {
		key = ctx->rsa.prikey;
		ctx->rsa.prikey = NULL;
		*out = key;
		return ret;
	}
	return 0;
}

// Replaced by another block, not cleared: silent here.
static int setkey_swap(struct ctx *ctx, char *spare)
{
	ctx->rsa.prikey = kzalloc(64, GFP_KERNEL);
	if (!ctx->rsa.prikey)
		return -ENOMEM;
	if (para_get(ctx->rsa.prikey, 32)) {
		ctx->rsa.prikey = spare;
		return -EINVAL;
	}
	return 0;
}

int set_priv_key(struct ctx *ctx, char *spare, char **out)
{
	int ret = setkey_crt(ctx);

	if (!ret)
		ret = setkey_kept(ctx, out);
	if (!ret)
		ret = setkey_swap(ctx, spare);
	if (ret)
		clear_ctx(ctx);
	return ret;
}
