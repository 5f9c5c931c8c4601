// Model address-alias: a pointer local assigned once, to the address of
// a member of a variable that is not reassigned, names that member, so
// "a_ctx = &ctx->a_ctx; a_ctx->tfm = alloc()" and "free(ctx->a_ctx.tfm)"
// are the same object (drivers/crypto/hisilicon/sec2/sec_crypto.c,
// sec_aead_ctx_init()).
// RUN: %ladder -I %inputs %s | FileCheck %s --check-prefixes=CHECK,ON --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-address-alias %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

struct shash;
struct shash *crypto_alloc_shash(const char *name, unsigned type, unsigned mask);
void crypto_free_shash(struct shash *tfm);
struct auth_ctx { struct shash *hash_tfm; struct shash *fallback; };
struct sec_ctx { int id; struct auth_ctx a_ctx; };
int hw(void);

// Silent: the alias releases what the member acquired.
// OFF-LABEL: In function 'ctx_init':
int ctx_init(struct sec_ctx *ctx, const char *name)
{
	struct auth_ctx *a_ctx = &ctx->a_ctx;

	a_ctx->hash_tfm = crypto_alloc_shash(name, 0, 0);
	if (IS_ERR(a_ctx->hash_tfm))
		return PTR_ERR(a_ctx->hash_tfm);
	a_ctx->fallback = crypto_alloc_shash(name, 0, 0);
	if (IS_ERR(a_ctx->fallback)) {
		crypto_free_shash(ctx->a_ctx.hash_tfm);
		// OFF: warning: 'a_ctx->hash_tfm' from crypto_alloc_shash() is not released on this error path
		return PTR_ERR(a_ctx->fallback);
	}
	return 0;
}

// Fires: the other way round, and the release the path lacks is
// found through the alias.
// CHECK-LABEL: In function 'ctx_init_leaky':
int ctx_init_leaky(struct sec_ctx *ctx, const char *name)
{
	struct auth_ctx *a_ctx = &ctx->a_ctx;

	ctx->a_ctx.hash_tfm = crypto_alloc_shash(name, 0, 0);
	if (IS_ERR(ctx->a_ctx.hash_tfm))
		return PTR_ERR(ctx->a_ctx.hash_tfm);
	if (hw()) {
		crypto_free_shash(a_ctx->hash_tfm);
		// OFF: :[[@LINE+1]]:3: warning: 'ctx->a_ctx.hash_tfm' from crypto_alloc_shash() is not released on this error path
		return -EIO;
	}
	if (hw())
		// ON: :[[@LINE+1]]:3: warning: 'ctx->a_ctx.hash_tfm' from crypto_alloc_shash() is not released on this error path
		return -EIO;
	return 0;
}

// Fires: an alias assigned twice names nothing for certain; the
// release through it is not taken as the member's.
// CHECK-LABEL: In function 'reassigned':
int reassigned(struct sec_ctx *ctx, struct sec_ctx *other, const char *name)
{
	struct auth_ctx *a_ctx = &ctx->a_ctx;

	ctx->a_ctx.hash_tfm = crypto_alloc_shash(name, 0, 0);
	if (IS_ERR(ctx->a_ctx.hash_tfm))
		return PTR_ERR(ctx->a_ctx.hash_tfm);
	if (hw()) {
		a_ctx = &other->a_ctx;
		crypto_free_shash(a_ctx->hash_tfm);
		// CHECK: :[[@LINE+1]]:3: warning: 'ctx->a_ctx.hash_tfm' from crypto_alloc_shash() is not released on this error path
		return -EIO;
	}
	return 0;
}
