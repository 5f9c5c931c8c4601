/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The intermediate representation: a compact tree translated from Clang's
 * AST for each analysed function (ast.c).  The CFG builder and the path
 * engine work on this tree only, never on libclang cursors, so they are
 * independent of Clang's API and fast to walk many times.
 */
#ifndef LADDER_IR_H
#define LADDER_IR_H

#include <stdbool.h>

struct access_path;

enum ir_kind {
	/* expressions */
	IR_CONST,	/* integer constant in .value */
	IR_VAR,		/* variable .name, identity .id */
	IR_MEMBER,	/* kid[0] . or -> .name (IR_F_ARROW) */
	IR_INDEX,	/* kid[0] [ kid[1] ] */
	IR_DEREF,	/* * kid[0] */
	IR_ADDR,	/* & kid[0] */
	IR_CALL,	/* .name (NULL if indirect) ( kid[0..] ) */
	IR_ASSIGN,	/* kid[0] = kid[1] */
	IR_UPDATE,	/* kid[0] op= ..., ++, --: value no longer known */
	IR_NOT,		/* ! kid[0] */
	IR_CMP,		/* kid[0] .op kid[1] */
	IR_BITAND,	/* kid[0] & kid[1], kid[1] an IR_CONST: a flag test */
	IR_LAND,	/* kid[0] && kid[1] */
	IR_LOR,		/* kid[0] || kid[1] */
	IR_COND,	/* kid[0] ? kid[1] : kid[2] */
	IR_COMMA,	/* kid[0] , kid[1] */
	IR_STMTEXPR,	/* ({ kid[0] }) : kid[0] is an IR_BLOCK */
	IR_OTHER,	/* evaluated for side effects, value unknown */
	IR_OPAQUE,	/* not evaluated at all (sizeof, _Generic, ...); a
			   string literal has its spelling in .name */

	/* statements */
	IR_BLOCK,	/* { kid[0..] } */
	IR_DECL,	/* .name variable (.id); kid[0] initialiser or none */
	IR_IF,		/* kid[0] cond, kid[1] then, kid[2] else or NULL */
	IR_WHILE,	/* kid[0] cond, kid[1] body */
	IR_DO,		/* kid[0] body, kid[1] cond */
	IR_FOR,		/* kid[0] init, kid[1] cond, kid[2] inc, kid[3] body */
	IR_SWITCH,	/* kid[0] value, kid[1] body */
	IR_CASE,	/* .value (IR_F_RANGE: unknown range), kid[0] body */
	IR_DEFAULT,	/* kid[0] body */
	IR_LABEL,	/* .name, .id label number, kid[0] body */
	IR_GOTO,	/* .id target label number, or -1 (computed) */
	IR_RETURN,	/* kid[0] value or NULL */
	IR_BREAK,
	IR_CONTINUE,
	IR_NOP,
};

enum ir_cmp { CMP_EQ, CMP_NE, CMP_LT, CMP_LE, CMP_GT, CMP_GE };

/* What an IR_UPDATE does: flags |= BIT and flags &= ~BIT keep flag tests. */
enum ir_update {
	UPD_OTHER,
	UPD_SET_BITS,
	UPD_KEEP_BITS,
	UPD_PRE_INC,	/* ++x */
	UPD_PRE_DEC,	/* --x */
	UPD_POST_INC,	/* x++ */
	UPD_POST_DEC,	/* x-- */
};

#define IR_F_POINTER	0x01	/* expression has pointer type */
#define IR_F_UNSIGNED	0x02	/* expression has unsigned integer type */
#define IR_F_ARROW	0x04	/* IR_MEMBER through a pointer */
#define IR_F_GLOBAL	0x08	/* IR_VAR with static storage */
#define IR_F_INTERNAL	0x10	/* IR_VAR/IR_DECL, a statement inside ({ }) */
#define IR_F_EFFECTS	0x20	/* subtree has calls or assignments */
#define IR_F_RANGE	0x40	/* IR_CASE with a GNU range */
#define IR_F_CLEANUP	0x80	/* IR_VAR/IR_DECL with __attribute__((cleanup)) */
#define IR_F_VOID	0x100	/* IR_CALL of a function returning void */
#define IR_F_KEYED	0x200	/* .key and .display are computed */
#define IR_F_ARRAY	0x400	/* expression has array type (decays to &x[0]) */
#define IR_F_DISCARDED	0x800	/* IR_CALL whose value its statement drops */
#define IR_F_FUNCTION	0x1000	/* IR_OPAQUE naming a function (.name), a callback */
#define IR_F_TEMP	0x2000	/* IR_VAR the CFG builder made for a value */
#define IR_F_OFFSET	0x4000	/* IR_OTHER: pointer kid[0] plus or minus an integer */
/*
 * IR_OTHER with IR_F_OFFSET: the integer is the constant .value, in
 * bytes (negative for p - n).  IR_MEMBER through a pointer: .value is
 * the member's offset in its struct, in bytes.
 */
#define IR_F_BYTES	0x8000

struct ir_loc {
	const char *file;	/* presumed file name, interned */
	unsigned line, col;
};

struct ir {
	enum ir_kind kind;
	unsigned short flags;
	unsigned char op;	/* enum ir_cmp for IR_CMP, ir_update for IR_UPDATE */
	unsigned nkids;
	int id;			/* variable identity or label number */
	unsigned site;		/* IR_CALL, IR_NOT: site number within the function */
	long long value;
	const char *name;
	struct ir_loc loc;
	struct ir **kids;
	/* lvalues: cached access path for bindings, and name for messages */
	const struct access_path *key;
	const char *display;
	/*
	 * IR_CALL made by a function-like macro: the macro's name where the
	 * source line uses it (kcalloc for kmalloc_array_noprof), or NULL.
	 */
	const char *spelled;
	/*
	 * IR_CALL of a declared function: bit k says its parameter k points
	 * to bytes (void *, char *, u8 *) and parameter k + 1 is an
	 * integer, whose name @param_names[k + 1] has (a buffer and its
	 * length, if that name says so).  @param_names is NULL without
	 * such a pair.
	 */
	unsigned buf_args;
	const char *const *param_names;
};

enum ret_kind { RET_VOID, RET_POINTER, RET_SIGNED, RET_UNSIGNED, RET_OTHER };

/* One function definition, translated. */
struct ir_func {
	const char *name;
	struct ir_loc loc;
	unsigned first_line, last_line;	/* the definition's extent */
	enum ret_kind ret;
	struct ir *body;
	int nlabels;
	int nvars;		/* variable identities are 0..nvars-1 */
	unsigned nparams;	/* parameter N is variable N */
	unsigned nsites;	/* call sites are 0..nsites-1 */
	bool external;		/* external linkage: callers may be in other files */
};

#endif
