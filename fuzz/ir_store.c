// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz the IR store's reader (frontend/ir_store.c): any bytes either
 * read as a translation unit's IR or as "not one"; never a crash, a
 * read out of bounds, a leak or a hang.  The input is the store without
 * its closing digest, which the harness adds, so that the fuzzer reaches
 * the parser instead of stopping at the digest.  What reads is written
 * again, which walks every node the reader made.
 */
#include "fuzz_util.h"
#include "ir_store.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint64_t sum = (uint64_t)hash_bytes(HASH_INIT, data, size);
	unsigned char *bytes = malloc(size + sizeof(sum)), *again;
	struct strtab *strings = strtab_new();
	struct arena arena = { 0 };
	struct tu_ir *t;

	memcpy(bytes, data, size);
	memcpy(bytes + size, &sum, sizeof(sum));
	t = ir_store_decode(bytes, size + sizeof(sum), &arena, strings);
	if (t) {
		ir_store_encode(t, &again);
		free(again);
		free(t->fns);
	}
	arena_free(&arena);
	strtab_free(strings);
	free(bytes);
	return 0;
}
