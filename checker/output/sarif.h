/* SPDX-License-Identifier: GPL-2.0 */
/* Findings as a SARIF 2.1.0 log, for code-scanning services. */
#ifndef LADDER_SARIF_H
#define LADDER_SARIF_H

#include <jansson.h>


/*
 * The SARIF document for @findings (objects as --format=json prints
 * them) and the run's @stats (taken).
 */
json_t *sarif_document(const json_t *findings, json_t *stats);

#endif
