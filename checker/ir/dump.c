// SPDX-License-Identifier: GPL-2.0
/*
 * dump.c - print a function's IR tree, for --dump-ir and the IR tests.
 *
 * One node a line, indented by depth: its kind, then what the kind
 * carries (a variable's identity and name, a call's callee and site, a
 * comparison's operator, a constant), then its flags that change what
 * the engine does with it.  A missing child (an if without else) is
 * "-".  The format is for people and for FileCheck, not a stable API.
 */
#include "dump.h"

#include <stdio.h>

static const char *const kind_names[] = {
	[IR_CONST] = "const", [IR_VAR] = "var", [IR_MEMBER] = "member",
	[IR_INDEX] = "index", [IR_DEREF] = "deref", [IR_ADDR] = "addr",
	[IR_CALL] = "call", [IR_ASSIGN] = "assign", [IR_UPDATE] = "update",
	[IR_NOT] = "not", [IR_CMP] = "cmp", [IR_BITAND] = "bitand",
	[IR_LAND] = "land", [IR_LOR] = "lor", [IR_COND] = "cond",
	[IR_COMMA] = "comma", [IR_STMTEXPR] = "stmtexpr", [IR_OTHER] = "other",
	[IR_OPAQUE] = "opaque", [IR_BLOCK] = "block", [IR_DECL] = "decl",
	[IR_IF] = "if", [IR_WHILE] = "while", [IR_DO] = "do", [IR_FOR] = "for",
	[IR_SWITCH] = "switch", [IR_CASE] = "case", [IR_DEFAULT] = "default",
	[IR_LABEL] = "label", [IR_GOTO] = "goto", [IR_RETURN] = "return",
	[IR_BREAK] = "break", [IR_CONTINUE] = "continue", [IR_NOP] = "nop",
};

static const char *const cmp_names[] = {
	[CMP_EQ] = "==", [CMP_NE] = "!=", [CMP_LT] = "<",
	[CMP_LE] = "<=", [CMP_GT] = ">", [CMP_GE] = ">=",
};

static const char *const update_names[] = {
	[UPD_OTHER] = "other", [UPD_SET_BITS] = "|=", [UPD_KEEP_BITS] = "&=",
	[UPD_PRE_INC] = "++x", [UPD_PRE_DEC] = "--x",
	[UPD_POST_INC] = "x++", [UPD_POST_DEC] = "x--",
};

static const char *const ret_names[] = {
	[RET_VOID] = "void", [RET_POINTER] = "pointer", [RET_SIGNED] = "signed",
	[RET_UNSIGNED] = "unsigned", [RET_OTHER] = "other",
};

/* The flags a reader of the IR needs, by name. */
static const struct {
	unsigned flag;
	const char *name;
} flag_names[] = {
	{ IR_F_POINTER, "pointer" },
	{ IR_F_ARROW, "arrow" },
	{ IR_F_GLOBAL, "global" },
	{ IR_F_INTERNAL, "macro" },
	{ IR_F_CLEANUP, "cleanup" },
	{ IR_F_DISCARDED, "discarded" },
	{ IR_F_FUNCTION, "function" },
};

static void print_attributes(const struct ir *e)
{
	switch (e->kind) {
	case IR_CONST:
	case IR_CASE:
		printf(" %lld", e->value);
		break;
	case IR_VAR:
	case IR_DECL:
		printf(" v%d %s", e->id, e->name ? e->name : "?");
		break;
	case IR_MEMBER:
		printf(" %s%s", e->flags & IR_F_ARROW ? "->" : ".", e->name);
		break;
	case IR_CALL:
		printf(" %s site %u", e->name ? e->name : "(indirect)", e->site);
		if (e->spelled)
			printf(" spelled %s", e->spelled);
		break;
	case IR_CMP:
		printf(" %s", cmp_names[e->op]);
		break;
	case IR_UPDATE:
		printf(" %s", update_names[e->op]);
		break;
	case IR_LABEL:
	case IR_GOTO:
		printf(" %d", e->id);
		if (e->name)
			printf(" %s", e->name);
		break;
	case IR_OPAQUE:
		if (e->name)
			printf(" %s", e->name);
		break;
	default:
		break;
	}
}

static void dump_node(const struct ir *e, unsigned depth)
{
	unsigned i;

	printf("%*s", (int)(2 * depth + 2), "");
	if (!e) {
		printf("-\n");
		return;
	}
	printf("%s", kind_names[e->kind]);
	print_attributes(e);
	for (i = 0; i < sizeof(flag_names) / sizeof(flag_names[0]); i++)
		if (e->flags & flag_names[i].flag)
			printf(" [%s]", flag_names[i].name);
	printf(" @%u\n", e->loc.line);
	for (i = 0; i < e->nkids; i++)
		dump_node(e->kids[i], depth + 1);
}

void ir_dump(const struct ir_func *fn)
{
	printf("ir %s: returns %s, %u params, %d vars, %u call sites\n",
	       fn->name, ret_names[fn->ret], fn->nparams, fn->nvars, fn->nsites);
	dump_node(fn->body, 0);
}
