// Model joined-exclusions: where paths join, a value that both exclude
// stays excluded.  caam_hash_cra_init() (drivers/crypto/caam/caamhash.c)
// sets the key's DMA direction to one constant on each branch, maps the
// key unless the direction is DMA_NONE, and unmaps it under the same
// test when a later mapping fails.  The path that set the direction to
// a constant decides the test on its own and goes on ahead; the paths
// that tested it join it later, where neither side can be DMA_NONE, so
// the unmap is not skipped.  A direction changed between
// the two tests leaves the mapping owed.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-joined-exclusions %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

enum dma_data_direction { DMA_BIDIRECTIONAL, DMA_TO_DEVICE, DMA_FROM_DEVICE, DMA_NONE };
struct ctx {
	struct device *dev;
	enum dma_data_direction key_dir;
	dma_addr_t key_dma;
	dma_addr_t desc_dma;
	unsigned char key[64];
	unsigned char desc[64];
};
int is_hmac(int type);
int is_cmac(int type);
int is_xcbc(int type);

// OFF-LABEL: In function 'hash_init':
int hash_init(struct ctx *ctx, int type, int era)
{
	dma_addr_t addr;

	if (is_xcbc(type))
		ctx->key_dir = DMA_BIDIRECTIONAL;
	else if (is_cmac(type))
		ctx->key_dir = DMA_NONE;
	else if (era >= 6)
		ctx->key_dir = is_hmac(type) ? DMA_TO_DEVICE : DMA_NONE;
	else
		ctx->key_dir = DMA_NONE;

	if (ctx->key_dir != DMA_NONE) {
		ctx->key_dma = dma_map_single(ctx->dev, ctx->key, sizeof(ctx->key),
					      ctx->key_dir);
		if (dma_mapping_error(ctx->dev, ctx->key_dma))
			return -ENOMEM;
	}
	addr = dma_map_single(ctx->dev, ctx->desc, sizeof(ctx->desc), DMA_TO_DEVICE);
	if (dma_mapping_error(ctx->dev, addr)) {
		if (ctx->key_dir != DMA_NONE)
			dma_unmap_single(ctx->dev, ctx->key_dma, sizeof(ctx->key),
					 ctx->key_dir);
		// OFF: joined-exclusions.c:[[@LINE+1]]:3: warning: 'ctx->key_dma' from dma_map_single() is not released on this error path; dma_unmap_single() is missing [ladder-leak]
		return -ENOMEM;
	}
	ctx->desc_dma = addr;
	return 0;
}

// CHECK-LABEL: In function 'hash_init_redirected':
int hash_init_redirected(struct ctx *ctx, int type, int era)
{
	dma_addr_t addr;

	if (is_xcbc(type))
		ctx->key_dir = DMA_BIDIRECTIONAL;
	else if (is_cmac(type))
		ctx->key_dir = DMA_NONE;
	else if (era >= 6)
		ctx->key_dir = is_hmac(type) ? DMA_TO_DEVICE : DMA_NONE;
	else
		ctx->key_dir = DMA_NONE;

	if (ctx->key_dir != DMA_NONE) {
		ctx->key_dma = dma_map_single(ctx->dev, ctx->key, sizeof(ctx->key),
					      ctx->key_dir);
		if (dma_mapping_error(ctx->dev, ctx->key_dma))
			return -ENOMEM;
	}
	ctx->key_dir = DMA_NONE;
	addr = dma_map_single(ctx->dev, ctx->desc, sizeof(ctx->desc), DMA_TO_DEVICE);
	if (dma_mapping_error(ctx->dev, addr)) {
		if (ctx->key_dir != DMA_NONE)
			dma_unmap_single(ctx->dev, ctx->key_dma, sizeof(ctx->key),
					 ctx->key_dir);
		// CHECK: joined-exclusions.c:[[@LINE+1]]:3: warning: 'ctx->key_dma' from dma_map_single() is not released on this error path; dma_unmap_single() is missing [ladder-leak]
		return -ENOMEM;
	}
	ctx->desc_dma = addr;
	return 0;
}
