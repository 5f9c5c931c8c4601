/* SPDX-License-Identifier: GPL-2.0 */
/* Helpers for the libFuzzer harnesses: inputs become files ladder reads. */
#ifndef LADDER_FUZZ_UTIL_H
#define LADDER_FUZZ_UTIL_H

#include <stddef.h>
#include <stdint.h>

/* A private directory for this process, made once. */
const char *fuzz_dir(void);
/* Write @size bytes to fuzz_dir()/@name; returns the path (static). */
const char *fuzz_write(const char *name, const uint8_t *data, size_t size);

#endif
