// SPDX-License-Identifier: GPL-2.0
/*
 * ast.c - translate one function's Clang AST into the IR.
 *
 * libclang hands out cursors one child at a time through a callback; this
 * file is the only place that walks them.  It folds away what carries no
 * meaning for resource tracking (parentheses, casts, __extension__,
 * __builtin_expect) and folds integer constants, so that later stages see
 * "-12" rather than "-ENOMEM" or "((int)-12)".
 */
#include "ast.h"

#include <stdlib.h>
#include <string.h>

struct cursors {
	CXCursor *items;
	unsigned len, cap;
};

struct var_slot {
	unsigned hash;
	CXCursor decl;
	int id;
	bool internal;
	bool cleanup;
	struct ir *alias;	/* internal, initialised with &alias */
};

/* A label is known by its name and where it is written. */
struct label_key {
	const char *name;
	unsigned offset;
};

struct ast_ctx {
	struct arena *arena;
	struct strtab *strings;
	struct ir_func *fn;
	int in_stmtexpr;
	/* variables seen so far, by declaration */
	struct var_slot *vars;
	unsigned nvars, capvars;
	/* labels, numbered in the order they are first met */
	struct label_key *labels;
	unsigned nlabels, caplabels;
};

static struct ir *tr_expr(struct ast_ctx *ctx, CXCursor c);
static struct ir *tr_stmt(struct ast_ctx *ctx, CXCursor c);

static enum CXChildVisitResult collect(CXCursor c, CXCursor parent,
				       CXClientData data)
{
	struct cursors *list = data;

	(void)parent;
	if (list->len == list->cap) {
		list->cap = list->cap ? list->cap * 2 : 8;
		list->items = xrealloc(list->items,
				       list->cap * sizeof(*list->items));
	}
	list->items[list->len++] = c;
	return CXChildVisit_Continue;
}

/*
 * Children that are statements or expressions.  Type references and
 * attributes are dropped: a cast's children are (TypeRef, expr).
 */
static struct cursors children(CXCursor c)
{
	struct cursors all = { 0 }, out = { 0 };
	unsigned i;

	clang_visitChildren(c, collect, &all);
	for (i = 0; i < all.len; i++) {
		enum CXCursorKind k = clang_getCursorKind(all.items[i]);

		if (clang_isExpression(k) || clang_isStatement(k) ||
		    k == CXCursor_LabelRef)
			collect(all.items[i], c, &out);
	}
	free(all.items);
	return out;
}

struct ir_loc ast_location(CXCursor c, struct strtab *strings)
{
	struct ir_loc loc = { 0 };
	CXString file;

	clang_getPresumedLocation(clang_getCursorLocation(c), &file,
				  &loc.line, &loc.col);
	loc.file = strtab_intern(strings, clang_getCString(file));
	clang_disposeString(file);
	return loc;
}

static struct ir *new_node(struct ast_ctx *ctx, enum ir_kind kind,
			   CXCursor c, unsigned nkids)
{
	struct ir *n = arena_alloc(ctx->arena, sizeof(*n));

	n->kind = kind;
	n->loc = ast_location(c, ctx->strings);
	n->nkids = nkids;
	if (nkids)
		n->kids = arena_alloc(ctx->arena, nkids * sizeof(*n->kids));
	return n;
}

/* Set type flags from the cursor's type. */
static void set_type_flags(struct ir *n, CXType t)
{
	t = clang_getCanonicalType(t);
	n->flags &= ~(IR_F_POINTER | IR_F_UNSIGNED | IR_F_VOID | IR_F_ARRAY);
	switch (t.kind) {
	case CXType_Void:
		n->flags |= IR_F_VOID;
		break;
	case CXType_ConstantArray:
	case CXType_IncompleteArray:
		n->flags |= IR_F_ARRAY;
		/* fall through */
	case CXType_Pointer:
		n->flags |= IR_F_POINTER;
		break;
	case CXType_Bool:
	case CXType_Char_U:
	case CXType_UChar:
	case CXType_UShort:
	case CXType_UInt:
	case CXType_ULong:
	case CXType_ULongLong:
		n->flags |= IR_F_UNSIGNED;
		break;
	default:
		break;
	}
}

/* A node's effect flag summarises its subtree. */
static struct ir *finish(struct ir *n)
{
	unsigned i;

	if (n->kind == IR_CALL || n->kind == IR_ASSIGN ||
	    n->kind == IR_UPDATE || n->kind == IR_STMTEXPR)
		n->flags |= IR_F_EFFECTS;
	for (i = 0; i < n->nkids; i++)
		if (n->kids[i] && (n->kids[i]->flags & IR_F_EFFECTS))
			n->flags |= IR_F_EFFECTS;
	return n;
}

static struct ir *new_const(struct ast_ctx *ctx, CXCursor c, long long v)
{
	struct ir *n = new_node(ctx, IR_CONST, c, 0);

	n->value = v;
	set_type_flags(n, clang_getCursorType(c));
	return n;
}

static struct ir *new_opaque(struct ast_ctx *ctx, CXCursor c)
{
	struct ir *n = new_node(ctx, IR_OPAQUE, c, 0);

	set_type_flags(n, clang_getCursorType(c));
	return n;
}

/*
 * A string literal: no value ladder tracks, but its spelling names it,
 * so that of_property_read_bool(np, "wakeup-source") asked twice is
 * known to be asked the same thing.
 */
static struct ir *tr_string(struct ast_ctx *ctx, CXCursor c)
{
	struct ir *n = new_opaque(ctx, c);
	CXString text = clang_getCursorSpelling(c);

	n->name = strtab_intern(ctx->strings, clang_getCString(text));
	clang_disposeString(text);
	return n;
}

static struct ir *nop(struct ast_ctx *ctx, CXCursor c)
{
	return new_node(ctx, IR_NOP, c, 0);
}

/* Node with kids translated from every child of @c. */
static struct ir *generic(struct ast_ctx *ctx, enum ir_kind kind,
			  CXCursor c, bool statements)
{
	struct cursors kids = children(c);
	struct ir *n = new_node(ctx, kind, c, kids.len);
	unsigned i;

	for (i = 0; i < kids.len; i++)
		n->kids[i] = statements ? tr_stmt(ctx, kids.items[i]) :
					  tr_expr(ctx, kids.items[i]);
	free(kids.items);
	set_type_flags(n, clang_getCursorType(c));
	return finish(n);
}

static bool eval_integer(CXCursor c, long long *value)
{
	CXEvalResult res = clang_Cursor_Evaluate(c);
	bool ok = false;

	if (!res)
		return false;
	if (clang_EvalResult_getKind(res) == CXEval_Int) {
		*value = clang_EvalResult_getAsLongLong(res);
		ok = true;
	}
	clang_EvalResult_dispose(res);
	return ok;
}

/*
 * __attribute__((cleanup(f))), which the kernel spells __free(f) and
 * guard(): libclang shows it only as an unexposed attribute.  Its extent
 * may run from a macro definition in a header into the source file,
 * which libclang will not tokenize; the attribute's name is the token at
 * the start of the extent, so read just that.
 */
static const char *const cleanup_spellings[] = { "cleanup", "__cleanup__" };

static bool is_cleanup_attr(CXCursor attr)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(attr);
	CXSourceLocation start = clang_getRangeStart(clang_getCursorExtent(attr));
	unsigned line, col, n = 0, k;
	bool found = false;
	CXToken *tokens;
	CXString name;
	CXFile file;

	clang_getSpellingLocation(start, &file, &line, &col, NULL);
	if (!file)
		return false;
	clang_tokenize(tu, clang_getRange(clang_getLocation(tu, file, line, col),
					  clang_getLocation(tu, file, line, col + 11)),
		       &tokens, &n);
	if (n && clang_getTokenKind(tokens[0]) == CXToken_Identifier) {
		name = clang_getTokenSpelling(tu, tokens[0]);
		for (k = 0; k < ARRAY_SIZE(cleanup_spellings); k++)
			if (!strcmp(clang_getCString(name), cleanup_spellings[k]))
				found = true;
		clang_disposeString(name);
	}
	clang_disposeTokens(tu, tokens, n);
	return found;
}

static enum CXChildVisitResult find_cleanup(CXCursor c, CXCursor parent,
					    CXClientData data)
{
	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_UnexposedAttr && is_cleanup_attr(c)) {
		*(bool *)data = true;
		return CXChildVisit_Break;
	}
	return CXChildVisit_Continue;
}

static bool has_cleanup(CXCursor decl)
{
	bool found = false;

	if (clang_getCursorKind(decl) == CXCursor_VarDecl)
		clang_visitChildren(decl, find_cleanup, &found);
	return found;
}

static int var_id(struct ast_ctx *ctx, CXCursor decl, unsigned short *flags)
{
	unsigned hash = clang_hashCursor(decl), i;
	struct var_slot *slot;

	for (i = 0; i < ctx->nvars; i++) {
		slot = &ctx->vars[i];
		if (slot->hash == hash && clang_equalCursors(slot->decl, decl))
			goto found;
	}
	if (ctx->nvars == ctx->capvars) {
		ctx->capvars = ctx->capvars ? ctx->capvars * 2 : 32;
		ctx->vars = xrealloc(ctx->vars,
				     ctx->capvars * sizeof(*ctx->vars));
	}
	slot = &ctx->vars[ctx->nvars++];
	slot->hash = hash;
	slot->decl = decl;
	slot->id = ctx->fn->nvars++;
	slot->internal = ctx->in_stmtexpr > 0;
	slot->cleanup = has_cleanup(decl);
	slot->alias = NULL;
found:
	if (slot->internal)
		*flags |= IR_F_INTERNAL;
	if (slot->cleanup)
		*flags |= IR_F_CLEANUP;
	return slot->id;
}

static struct var_slot *slot_of(struct ast_ctx *ctx, int id)
{
	unsigned i;

	for (i = 0; i < ctx->nvars; i++)
		if (ctx->vars[i].id == id)
			return &ctx->vars[i];
	return NULL;
}

static bool is_lvalue(const struct ir *e)
{
	return e->kind == IR_VAR || e->kind == IR_MEMBER || e->kind == IR_INDEX ||
	       e->kind == IR_DEREF;
}

/*
 * A macro's own pointer to its argument: "__auto_type __ptr = &(p)" in
 * __get_and_null() (no_free_ptr(), retain_and_null_ptr()).  *__ptr is p
 * itself, so that "*__ptr = NULL" clears p as the macro means it to.
 */
static void note_alias(struct ast_ctx *ctx, const struct ir *decl)
{
	struct var_slot *slot = slot_of(ctx, decl->id);

	if (slot && slot->internal && decl->nkids == 1 &&
	    decl->kids[0]->kind == IR_ADDR && is_lvalue(decl->kids[0]->kids[0]))
		slot->alias = decl->kids[0]->kids[0];
}

static struct ir *alias_of(struct ast_ctx *ctx, const struct ir *e)
{
	struct var_slot *slot;

	if (e->kind != IR_VAR || !(e->flags & IR_F_INTERNAL))
		return NULL;
	slot = slot_of(ctx, e->id);
	return slot ? slot->alias : NULL;
}

static struct ir *tr_declref(struct ast_ctx *ctx, CXCursor c)
{
	CXCursor decl = clang_getCursorReferenced(c);
	enum CXCursorKind k = clang_getCursorKind(decl);
	struct ir *n;
	CXString name;

	if (k == CXCursor_EnumConstantDecl)
		return new_const(ctx, c, clang_getEnumConstantDeclValue(decl));
	if (k == CXCursor_FunctionDecl) {
		/* A function as a value (a callback): opaque, but named. */
		n = new_opaque(ctx, c);
		name = clang_getCursorSpelling(decl);
		n->name = strtab_intern(ctx->strings, clang_getCString(name));
		n->flags |= IR_F_FUNCTION;
		clang_disposeString(name);
		return n;
	}
	if (k != CXCursor_VarDecl && k != CXCursor_ParmDecl)
		return new_opaque(ctx, c);
	n = new_node(ctx, IR_VAR, c, 0);
	name = clang_getCursorSpelling(decl);
	n->name = strtab_intern(ctx->strings, clang_getCString(name));
	clang_disposeString(name);
	n->id = var_id(ctx, decl, &n->flags);
	if (k == CXCursor_VarDecl && clang_Cursor_hasVarDeclGlobalStorage(decl) == 1)
		n->flags |= IR_F_GLOBAL;
	set_type_flags(n, clang_getCursorType(c));
	return n;
}

/* Is @c a member expression naming an anonymous struct or union member? */
static bool names_anonymous_member(CXCursor c)
{
	CXCursor field;

	if (clang_getCursorKind(c) != CXCursor_MemberRefExpr)
		return false;
	field = clang_getCursorReferenced(c);
	return !clang_Cursor_isNull(field) &&
	       clang_Cursor_isAnonymousRecordDecl(
			clang_getTypeDeclaration(clang_getCursorType(field)));
}

/*
 * p->m: where m lies in *p, in bytes, so that &p->m of a p made by
 * container_of(x, T, m) is known to be x (model offset-nonnull).  Not
 * for a member of an anonymous struct or union, whose offset is its
 * record's, nor for a bit-field.
 */
static void note_member_offset(struct ir *n, CXCursor c)
{
	CXCursor field = clang_getCursorReferenced(c);
	long long bits;

	if (!(n->flags & IR_F_ARROW) || clang_getCursorKind(field) != CXCursor_FieldDecl ||
	    clang_Cursor_isBitField(field) ||
	    clang_Cursor_isAnonymousRecordDecl(clang_getCursorSemanticParent(field)))
		return;
	bits = clang_Cursor_getOffsetOfField(field);
	if (bits < 0 || bits % 8)
		return;
	n->flags |= IR_F_BYTES;
	n->value = bits / 8;
}

static struct ir *tr_member(struct ast_ctx *ctx, CXCursor c)
{
	struct cursors kids = children(c);
	struct ir *n;
	CXString name;

	if (kids.len != 1) {
		free(kids.items);
		return new_opaque(ctx, c);
	}
	n = new_node(ctx, IR_MEMBER, c, 1);
	n->kids[0] = tr_expr(ctx, kids.items[0]);
	if (clang_getCanonicalType(clang_getCursorType(kids.items[0])).kind ==
	    CXType_Pointer)
		n->flags |= IR_F_ARROW;
	/*
	 * info->(anonymous union).pages is info->pages, as the source
	 * spells it: the anonymous member is no step of the path.
	 */
	if (names_anonymous_member(kids.items[0]) && n->kids[0]->kind == IR_MEMBER) {
		n->flags = (n->flags & ~IR_F_ARROW) | (n->kids[0]->flags & IR_F_ARROW);
		n->kids[0] = n->kids[0]->kids[0];
	}
	/* kfifo's "__tmp = (fifo); &__tmp->kfifo" is &fifo->kfifo. */
	if ((n->flags & IR_F_ARROW) && alias_of(ctx, n->kids[0])) {
		n->kids[0] = alias_of(ctx, n->kids[0]);
		n->flags &= ~IR_F_ARROW;
	}
	free(kids.items);
	note_member_offset(n, c);
	name = clang_getCursorSpelling(c);
	n->name = strtab_intern(ctx->strings, clang_getCString(name));
	clang_disposeString(name);
	set_type_flags(n, clang_getCursorType(c));
	return finish(n);
}

/*
 * Builtins whose arguments are never evaluated, or whose result says
 * nothing about a resource.
 */
static const char *const unevaluated_builtins[] = {
	"__builtin_constant_p",
	"__builtin_object_size",
	"__builtin_dynamic_object_size",
	"__builtin_offsetof",
};

static bool is_unevaluated_builtin(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(unevaluated_builtins); i++)
		if (!strcmp(name, unevaluated_builtins[i]))
			return true;
	return false;
}

/*
 * __builtin_constant_p(e) is 1 only where the compiler can fold e, and
 * code that tests it must be right either way: test_bit() picks
 * const_test_bit() or generic_test_bit(), which compute the same bit.
 * So take the answer the compiler gives before inlining (clang folds
 * it to 0 for what is not a constant), rather than exploring both
 * arms as if they could disagree: "if (test_bit(F, &x->caps))" asked
 * twice then goes through the same call both times.
 */
static struct ir *constant_p(struct ast_ctx *ctx, CXCursor c)
{
	long long folded;

	if (!eval_integer(c, &folded)) {
		if (clang_Cursor_getNumArguments(c) != 1 ||
		    !eval_integer(clang_Cursor_getArgument(c, 0), &folded))
			return new_const(ctx, c, 0);
		folded = 1;
	}
	return new_const(ctx, c, folded != 0);
}

static bool ident_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	       (ch >= '0' && ch <= '9') || ch == '_';
}

/* Is @c spelled inside a macro's body (a do { if (...) } while (0))? */
static bool from_macro(CXCursor c)
{
	CXSourceLocation loc = clang_getCursorLocation(c);
	CXFile spelled_in, used_in;
	unsigned spelled_at, used_at;

	clang_getSpellingLocation(loc, &spelled_in, NULL, NULL, &spelled_at);
	clang_getExpansionLocation(loc, &used_in, NULL, NULL, &used_at);
	return used_in && !(clang_File_isEqual(spelled_in, used_in) &&
			    spelled_at == used_at);
}

/*
 * The name of the function-like macro whose use in the source made the
 * call @c: "kcalloc" where the source says kcalloc(n, size, gfp) and the
 * compiler sees kmalloc_array_noprof().  NULL for a call the source
 * spells itself, or one inside a macro used some other way.
 */
static const char *macro_spelling(struct ast_ctx *ctx, CXCursor c)
{
	CXSourceLocation loc = clang_getCursorLocation(c);
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(c);
	CXFile used_in;
	unsigned used_at;
	const char *buf;
	size_t size, end;
	char name[128];

	if (!from_macro(c))
		return NULL;
	clang_getExpansionLocation(loc, &used_in, NULL, NULL, &used_at);
	buf = clang_getFileContents(tu, used_in, &size);
	if (!buf || used_at >= size || !ident_char(buf[used_at]))
		return NULL;
	for (end = used_at; end < size && ident_char(buf[end]); end++)
		;
	if (end - used_at >= sizeof(name))
		return NULL;
	memcpy(name, buf + used_at, end - used_at);
	name[end - used_at] = '\0';
	while (end < size && (buf[end] == ' ' || buf[end] == '\t'))
		end++;
	if (end >= size || buf[end] != '(')
		return NULL;
	return strtab_intern(ctx->strings, name);
}

/*
 * The function a _Generic selection chooses: the association whose type
 * is the selection's own.  Several functions of one type (6.12's
 * kmem_cache_create() offers __kmem_cache_create_args() and
 * __kmem_cache_default_args()) are variants of one operation, and the
 * first listed names it.  libclang does not say which association the
 * controlling type picked, only the type of the result.
 */
static CXCursor generic_choice(CXCursor sel)
{
	struct cursors kids = children(sel);
	CXType chosen = clang_getCanonicalType(clang_getCursorType(sel));
	CXCursor found = clang_getNullCursor();
	unsigned i;

	for (i = 1; i < kids.len; i++) {	/* kids[0] is the controlling expression */
		CXCursor fn = clang_getCursorReferenced(kids.items[i]);

		if (clang_getCursorKind(fn) == CXCursor_FunctionDecl &&
		    clang_equalTypes(clang_getCanonicalType(clang_getCursorType(kids.items[i])),
				     chosen)) {
			found = fn;
			break;
		}
	}
	free(kids.items);
	return found;
}

/*
 * The function a call calls by name, directly or through _Generic.  A
 * call through a pointer (ops->probe()) references the pointer; only a
 * call that references nothing can be a _Generic choice.
 */
static CXCursor called_function(CXCursor call)
{
	CXCursor callee = clang_getCursorReferenced(call);
	struct cursors kids;
	CXCursor e;

	if (!clang_Cursor_isNull(callee))
		return callee;
	kids = children(call);
	e = kids.len ? kids.items[0] : clang_getNullCursor();
	free(kids.items);
	while (clang_getCursorKind(e) == CXCursor_UnexposedExpr ||
	       clang_getCursorKind(e) == CXCursor_ParenExpr) {
		kids = children(e);
		e = kids.len == 1 ? kids.items[0] : clang_getNullCursor();
		free(kids.items);
	}
	if (clang_getCursorKind(e) == CXCursor_GenericSelectionExpr)
		return generic_choice(e);
	return clang_getNullCursor();
}

static bool points_to_bytes(CXType t)
{
	t = clang_getCanonicalType(t);
	if (t.kind != CXType_Pointer)
		return false;
	switch (clang_getCanonicalType(clang_getPointeeType(t)).kind) {
	case CXType_Void:
	case CXType_Char_S:
	case CXType_Char_U:
	case CXType_SChar:
	case CXType_UChar:
		return true;
	default:
		return false;
	}
}

static bool is_integer(CXType t)
{
	t = clang_getCanonicalType(t);
	return t.kind >= CXType_Bool && t.kind <= CXType_Int128 &&
	       t.kind != CXType_Char16 && t.kind != CXType_Char32;
}

/*
 * The callee's parameters that pass a buffer and then an integer
 * ("void *data, u32 len"): struct ir's buf_args, and the parameters'
 * names for the engine to judge which integer is a length.
 */
static void note_buffer_params(struct ast_ctx *ctx, struct ir *n, CXCursor callee)
{
	int nparams = clang_Cursor_getNumArguments(callee), k;
	const char **names;
	unsigned bits = 0;

	for (k = 0; k + 1 < nparams && k < 31; k++)
		if (points_to_bytes(clang_getCursorType(clang_Cursor_getArgument(callee, (unsigned)k))) &&
		    is_integer(clang_getCursorType(clang_Cursor_getArgument(callee, (unsigned)k + 1))))
			bits |= 1u << k;
	if (!bits)
		return;
	names = arena_alloc(ctx->arena, (size_t)nparams * sizeof(*names));
	for (k = 0; k < nparams; k++) {
		CXString s = clang_getCursorSpelling(clang_Cursor_getArgument(callee, (unsigned)k));

		names[k] = strtab_intern(ctx->strings, clang_getCString(s));
		clang_disposeString(s);
	}
	n->buf_args = bits;
	n->param_names = names;
}

static struct ir *tr_call(struct ast_ctx *ctx, CXCursor c)
{
	CXCursor callee = called_function(c);
	int nargs = clang_Cursor_getNumArguments(c), i;
	const char *name = NULL;
	struct ir *n;

	if (nargs < 0)
		nargs = 0;
	if (clang_getCursorKind(callee) == CXCursor_FunctionDecl) {
		CXString s = clang_getCursorSpelling(callee);

		name = strtab_intern(ctx->strings, clang_getCString(s));
		clang_disposeString(s);
	}
	if (name && !strcmp(name, "__builtin_constant_p"))
		return constant_p(ctx, c);
	if (name && is_unevaluated_builtin(name))
		return new_opaque(ctx, c);
	/* likely()/unlikely(): the value is the first argument. */
	if (name && !strcmp(name, "__builtin_expect") && nargs == 2)
		return tr_expr(ctx, clang_Cursor_getArgument(c, 0));

	n = new_node(ctx, IR_CALL, c, (unsigned)nargs);
	n->name = name;
	if (name)
		n->spelled = macro_spelling(ctx, c);
	n->site = ctx->fn->nsites++;
	for (i = 0; i < nargs; i++)
		n->kids[i] = tr_expr(ctx, clang_Cursor_getArgument(c, (unsigned)i));
	if (clang_getCursorKind(callee) == CXCursor_FunctionDecl)
		note_buffer_params(ctx, n, callee);
	set_type_flags(n, clang_getCursorType(c));
	return finish(n);
}

/*
 * C says &*p is p, and &p[0] is p + 0, which is p: the address an
 * allocator returned and stored as "x->first = &buf[0]" is still buf,
 * so the store keeps buf as "x->first = buf" does.  Only through a
 * pointer: an array's &a[0] is the decayed array, which ladder keys
 * apart from its elements.
 */
static struct ir *same_pointer(struct ir *addressed)
{
	struct ir *base;

	if (addressed->kind == IR_DEREF)
		return addressed->kids[0];
	if (addressed->kind != IR_INDEX)
		return NULL;
	base = addressed->kids[0];
	if (addressed->kids[1]->kind != IR_CONST || addressed->kids[1]->value ||
	    !(base->flags & IR_F_POINTER) || (base->flags & IR_F_ARRAY))
		return NULL;
	return base;
}

static struct ir *fold_unary(struct ast_ctx *ctx, CXCursor c, struct ir *kid,
			     enum CXUnaryOperatorKind op)
{
	long long v;

	if (op == CXUnaryOperator_AddrOf)
		return same_pointer(kid);
	if (kid->kind == IR_CONST) {
		v = kid->value;
		switch (op) {
		case CXUnaryOperator_Minus:
			return new_const(ctx, c, -v);
		case CXUnaryOperator_Not:
			return new_const(ctx, c, ~v);
		case CXUnaryOperator_LNot:
			return new_const(ctx, c, !v);
		default:
			break;
		}
	}
	return NULL;
}

static enum ir_update step_kind(enum CXUnaryOperatorKind op)
{
	switch (op) {
	case CXUnaryOperator_PreInc:
		return UPD_PRE_INC;
	case CXUnaryOperator_PreDec:
		return UPD_PRE_DEC;
	case CXUnaryOperator_PostInc:
		return UPD_POST_INC;
	default:
		return UPD_POST_DEC;
	}
}

static struct ir *tr_unary(struct ast_ctx *ctx, CXCursor c)
{
	enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);
	struct cursors kids = children(c);
	struct ir *kid, *n, *folded;
	enum ir_kind kind;

	if (kids.len != 1) {
		free(kids.items);
		return new_opaque(ctx, c);
	}
	kid = tr_expr(ctx, kids.items[0]);
	free(kids.items);
	folded = fold_unary(ctx, c, kid, op);
	if (folded)
		return folded;
	switch (op) {
	case CXUnaryOperator_Plus:
	case CXUnaryOperator_Extension:
		return kid;
	case CXUnaryOperator_PostInc:
	case CXUnaryOperator_PostDec:
	case CXUnaryOperator_PreInc:
	case CXUnaryOperator_PreDec:
		kind = IR_UPDATE;
		break;
	case CXUnaryOperator_AddrOf:
		kind = IR_ADDR;
		break;
	case CXUnaryOperator_Deref:
		if (alias_of(ctx, kid))
			return alias_of(ctx, kid);
		kind = IR_DEREF;
		break;
	case CXUnaryOperator_LNot:
		kind = IR_NOT;
		break;
	default:
		kind = IR_OTHER;
		break;
	}
	n = new_node(ctx, kind, c, 1);
	n->kids[0] = kid;
	/*
	 * "!x" may name a value of its own (see negation() in engine.c), and
	 * so does the value ++x or x-- leaves (step_value() there).
	 */
	if (kind == IR_NOT || kind == IR_UPDATE)
		n->site = ctx->fn->nsites++;
	if (kind == IR_UPDATE)
		n->op = step_kind(op);
	set_type_flags(n, clang_getCursorType(c));
	return finish(n);
}

struct binop_map {
	enum CXBinaryOperatorKind op;
	enum ir_kind kind;
	enum ir_cmp cmp;
};

static const struct binop_map binops[] = {
	{ CXBinaryOperator_Assign, IR_ASSIGN, 0 },
	{ CXBinaryOperator_LAnd, IR_LAND, 0 },
	{ CXBinaryOperator_LOr, IR_LOR, 0 },
	{ CXBinaryOperator_Comma, IR_COMMA, 0 },
	{ CXBinaryOperator_EQ, IR_CMP, CMP_EQ },
	{ CXBinaryOperator_NE, IR_CMP, CMP_NE },
	{ CXBinaryOperator_LT, IR_CMP, CMP_LT },
	{ CXBinaryOperator_LE, IR_CMP, CMP_LE },
	{ CXBinaryOperator_GT, IR_CMP, CMP_GT },
	{ CXBinaryOperator_GE, IR_CMP, CMP_GE },
};

static bool fold_binary(enum CXBinaryOperatorKind op, long long a,
			long long b, long long *out)
{
	switch (op) {
	case CXBinaryOperator_Add: *out = (long long)((unsigned long long)a + (unsigned long long)b); return true;
	case CXBinaryOperator_Sub: *out = (long long)((unsigned long long)a - (unsigned long long)b); return true;
	case CXBinaryOperator_Mul: *out = (long long)((unsigned long long)a * (unsigned long long)b); return true;
	case CXBinaryOperator_And: *out = a & b; return true;
	case CXBinaryOperator_Or: *out = a | b; return true;
	case CXBinaryOperator_Xor: *out = a ^ b; return true;
	case CXBinaryOperator_Shl:
		if (b < 0 || b > 62)
			return false;
		*out = (long long)((unsigned long long)a << b);
		return true;
	case CXBinaryOperator_Shr:
		if (b < 0 || b > 62)
			return false;
		*out = a >> b;
		return true;
	default:
		return false;
	}
}

/* flags |= BIT sets bits, flags &= ~BIT keeps the others. */
static enum ir_update update_kind(enum CXBinaryOperatorKind op, const struct ir *rhs)
{
	if (rhs->kind != IR_CONST)
		return UPD_OTHER;
	if (op == CXBinaryOperator_OrAssign)
		return UPD_SET_BITS;
	if (op == CXBinaryOperator_AndAssign)
		return UPD_KEEP_BITS;
	return UPD_OTHER;
}

/*
 * x >> n is zero exactly when x & ~((1 << n) - 1) is, signed or not:
 * MAJOR(dev->devt) tested twice is one flag test of devt's high bits,
 * as "devt & 0xfff00000" would be.  Only its zero-ness is kept.
 */
static struct ir *shift_as_mask(struct ast_ctx *ctx, CXCursor c, struct ir *lhs,
				long long shift)
{
	long long width = clang_Type_getSizeOf(clang_getCursorType(c)) * 8;
	unsigned long long mask;
	struct ir *n;

	if (shift < 0 || shift >= 63 || width <= shift || width > 64) {
		n = new_node(ctx, IR_OTHER, c, 2);
		n->kids[0] = lhs;
		n->kids[1] = new_const(ctx, c, shift);
		set_type_flags(n, clang_getCursorType(c));
		return finish(n);
	}
	mask = ~((1ULL << shift) - 1);
	if (width < 64)
		mask &= (1ULL << width) - 1;
	n = new_node(ctx, IR_BITAND, c, 2);
	n->kids[0] = lhs;
	n->kids[1] = new_const(ctx, c, (long long)mask);
	set_type_flags(n, clang_getCursorType(c));
	return finish(n);
}

/*
 * How many bytes "@ptr + @count" moves the pointer, when @count is a
 * constant: offsetof() in container_of(), or a constant index.  GNU C
 * moves a void * by bytes.
 */
static bool offset_bytes(CXCursor ptr, CXCursor count, long long *bytes)
{
	CXType pointee = clang_getPointeeType(clang_getCanonicalType(clang_getCursorType(ptr)));
	long long size = pointee.kind == CXType_Void ? 1 : clang_Type_getSizeOf(pointee);
	long long n;

	return size > 0 && eval_integer(count, &n) &&
	       !__builtin_mul_overflow(n, size, bytes);
}

/*
 * p + n and p - n, the pointer first (container_of() is "__mptr -
 * offsetof(...)"): the result has a value of its own, a site, which the
 * engine may know non-NULL (model offset-nonnull).
 */
static void mark_offset(struct ast_ctx *ctx, struct ir *n,
			enum CXBinaryOperatorKind op, const long long *bytes)
{
	if (n->kind != IR_OTHER ||
	    (op != CXBinaryOperator_Add && op != CXBinaryOperator_Sub) ||
	    !(n->flags & IR_F_POINTER) || !(n->kids[0]->flags & IR_F_POINTER) ||
	    (n->kids[1]->flags & IR_F_POINTER))
		return;
	n->flags |= IR_F_OFFSET;
	n->site = ctx->fn->nsites++;
	if (bytes) {
		n->flags |= IR_F_BYTES;
		n->value = op == CXBinaryOperator_Sub ? -*bytes : *bytes;
	}
}

static struct ir *tr_binary(struct ast_ctx *ctx, CXCursor c, bool compound)
{
	enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
	struct cursors kids = children(c);
	enum ir_kind kind = compound ? IR_UPDATE : IR_OTHER;
	struct ir *lhs, *rhs, *n;
	enum ir_cmp cmp = CMP_EQ;
	long long folded, bytes;
	bool known_offset;
	size_t i;

	if (kids.len != 2) {
		free(kids.items);
		return generic(ctx, IR_OTHER, c, false);
	}
	lhs = tr_expr(ctx, kids.items[0]);
	rhs = tr_expr(ctx, kids.items[1]);
	known_offset = !compound && (op == CXBinaryOperator_Add || op == CXBinaryOperator_Sub) &&
		       offset_bytes(kids.items[0], kids.items[1], &bytes);
	free(kids.items);
	if (lhs->kind == IR_CONST && rhs->kind == IR_CONST && !compound &&
	    fold_binary(op, lhs->value, rhs->value, &folded))
		return new_const(ctx, c, folded);
	/*
	 * "bool test_remove = IS_ENABLED(CONFIG_X) && !drv->flag": C never
	 * evaluates the right side of 0 && x or of 1 || x.
	 */
	if (lhs->kind == IR_CONST && op == CXBinaryOperator_LAnd && !lhs->value)
		return new_const(ctx, c, 0);
	if (lhs->kind == IR_CONST && op == CXBinaryOperator_LOr && lhs->value)
		return new_const(ctx, c, 1);
	if (!compound && op == CXBinaryOperator_Shr && lhs->kind != IR_CONST &&
	    rhs->kind == IR_CONST)
		return shift_as_mask(ctx, c, lhs, rhs->value);
	/* flags & BIT: kept apart so a flag tested twice is one condition. */
	if (!compound && op == CXBinaryOperator_And &&
	    (lhs->kind == IR_CONST) != (rhs->kind == IR_CONST)) {
		n = new_node(ctx, IR_BITAND, c, 2);
		n->kids[0] = lhs->kind == IR_CONST ? rhs : lhs;
		n->kids[1] = lhs->kind == IR_CONST ? lhs : rhs;
		set_type_flags(n, clang_getCursorType(c));
		return finish(n);
	}
	for (i = 0; !compound && i < ARRAY_SIZE(binops); i++) {
		if (binops[i].op == op) {
			kind = binops[i].kind;
			cmp = binops[i].cmp;
			break;
		}
	}
	n = new_node(ctx, kind, c, 2);
	n->op = (unsigned char)(compound ? update_kind(op, rhs) : cmp);
	n->kids[0] = lhs;
	n->kids[1] = rhs;
	set_type_flags(n, clang_getCursorType(c));
	mark_offset(ctx, n, op, known_offset ? &bytes : NULL);
	return finish(n);
}

static struct ir *tr_stmtexpr(struct ast_ctx *ctx, CXCursor c)
{
	struct cursors kids = children(c);
	struct ir *n, *last;

	if (kids.len != 1) {
		free(kids.items);
		return new_opaque(ctx, c);
	}
	n = new_node(ctx, IR_STMTEXPR, c, 1);
	ctx->in_stmtexpr++;
	n->kids[0] = tr_stmt(ctx, kids.items[0]);
	ctx->in_stmtexpr--;
	free(kids.items);
	/* ({ ...; f(x); }) is f(x)'s value: not dropped. */
	last = n->kids[0];
	while (last && last->kind == IR_BLOCK && last->nkids)
		last = last->kids[last->nkids - 1];
	if (last && last->kind == IR_CALL)
		last->flags &= ~IR_F_DISCARDED;
	set_type_flags(n, clang_getCursorType(c));
	return finish(n);
}

/*
 * Parentheses, casts and implicit conversions: the inner expression.  A
 * cast to typeof(*p) lists the typeof expression first: the operand is
 * always the last child.
 */
static struct ir *tr_passthrough(struct ast_ctx *ctx, CXCursor c)
{
	struct cursors kids = children(c);
	struct ir *n;

	if (kids.len > 1 && clang_getCursorKind(c) == CXCursor_CStyleCastExpr) {
		kids.items[0] = kids.items[kids.len - 1];
		kids.len = 1;
	}
	if (kids.len != 1) {
		free(kids.items);
		return generic(ctx, IR_OTHER, c, false);
	}
	n = tr_expr(ctx, kids.items[0]);
	free(kids.items);
	/* A cast changes the type: (void *)0 is a null pointer. */
	if (n->kind == IR_CONST || n->kind == IR_CALL || n->kind == IR_OPAQUE)
		set_type_flags(n, clang_getCursorType(c));
	return n;
}

static struct ir *tr_literal(struct ast_ctx *ctx, CXCursor c)
{
	long long v;

	if (eval_integer(c, &v))
		return new_const(ctx, c, v);
	return new_opaque(ctx, c);
}

/*
 * "c ? a : b" with a constant c is the arm it picks: kfifo's macros
 * choose by sizeof() whether the fifo is dynamic ("__is_kfifo_ptr()").
 */
static struct ir *tr_conditional(struct ast_ctx *ctx, CXCursor c)
{
	struct ir *n = generic(ctx, IR_COND, c, false);

	if (n->nkids == 3 && n->kids[0]->kind == IR_CONST)
		return n->kids[0]->value ? n->kids[1] : n->kids[2];
	return n;
}

static struct ir *tr_expr(struct ast_ctx *ctx, CXCursor c)
{
	switch (clang_getCursorKind(c)) {
	case CXCursor_DeclRefExpr:
		return tr_declref(ctx, c);
	case CXCursor_MemberRefExpr:
		return tr_member(ctx, c);
	case CXCursor_CallExpr:
		return tr_call(ctx, c);
	case CXCursor_UnaryOperator:
		return tr_unary(ctx, c);
	case CXCursor_BinaryOperator:
		return tr_binary(ctx, c, false);
	case CXCursor_CompoundAssignOperator:
		return tr_binary(ctx, c, true);
	case CXCursor_ConditionalOperator:
		return tr_conditional(ctx, c);
	case CXCursor_ArraySubscriptExpr:
		return generic(ctx, IR_INDEX, c, false);
	case CXCursor_StmtExpr:
		return tr_stmtexpr(ctx, c);
	case CXCursor_ParenExpr:
	case CXCursor_CStyleCastExpr:
	case CXCursor_UnexposedExpr:
		return tr_passthrough(ctx, c);
	case CXCursor_IntegerLiteral:
	case CXCursor_CharacterLiteral:
	case CXCursor_UnaryExpr:	/* sizeof, _Alignof: constants */
		return tr_literal(ctx, c);
	case CXCursor_GNUNullExpr:
		return new_const(ctx, c, 0);
	case CXCursor_StringLiteral:
		return tr_string(ctx, c);
	case CXCursor_InitListExpr:
	case CXCursor_CompoundLiteralExpr:
		return generic(ctx, IR_OTHER, c, false);
	default:
		/* sizeof, _Generic, strings, floats, asm operands... */
		return new_opaque(ctx, c);
	}
}

static struct ir *tr_decl(struct ast_ctx *ctx, CXCursor vd)
{
	CXCursor init = clang_Cursor_getVarDeclInitializer(vd);
	struct ir *n;
	CXString name;

	if (clang_getCursorKind(vd) != CXCursor_VarDecl)
		return nop(ctx, vd);
	/* A static local is initialised once, not on this path. */
	if (clang_Cursor_getStorageClass(vd) == CX_SC_Static ||
	    clang_Cursor_getStorageClass(vd) == CX_SC_Extern)
		return nop(ctx, vd);
	n = new_node(ctx, IR_DECL, vd, 1);
	name = clang_getCursorSpelling(vd);
	n->name = strtab_intern(ctx->strings, clang_getCString(name));
	clang_disposeString(name);
	n->id = var_id(ctx, vd, &n->flags);
	if (!clang_Cursor_isNull(init) && clang_isExpression(clang_getCursorKind(init)))
		n->kids[0] = tr_expr(ctx, init);
	else
		n->nkids = 0;
	set_type_flags(n, clang_getCursorType(vd));
	note_alias(ctx, n);
	return finish(n);
}

static struct ir *tr_declstmt(struct ast_ctx *ctx, CXCursor c)
{
	struct cursors all = { 0 };
	struct ir *n;
	unsigned i;

	clang_visitChildren(c, collect, &all);
	if (all.len == 1) {
		n = tr_decl(ctx, all.items[0]);
	} else {
		n = new_node(ctx, IR_BLOCK, c, all.len);
		for (i = 0; i < all.len; i++)
			n->kids[i] = tr_decl(ctx, all.items[i]);
		finish(n);
	}
	free(all.items);
	return n;
}

/* "i = 0", "int i = 0", "a = 0, b = 1": the init part of a for header. */
static bool looks_like_init(CXCursor c)
{
	enum CXCursorKind k = clang_getCursorKind(c);

	if (k == CXCursor_DeclStmt)
		return true;
	while (k == CXCursor_ParenExpr || k == CXCursor_UnexposedExpr) {
		struct cursors kids = children(c);

		if (kids.len != 1) {
			free(kids.items);
			return false;
		}
		c = kids.items[0];
		free(kids.items);
		k = clang_getCursorKind(c);
	}
	if (k != CXCursor_BinaryOperator)
		return false;
	return clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Assign ||
	       clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Comma;
}

/* "i++", "i += 2", "p = p->next": the increment part of a for header. */
static bool looks_like_increment(CXCursor c)
{
	enum CXCursorKind k = clang_getCursorKind(c);

	if (k == CXCursor_CompoundAssignOperator)
		return true;
	if (k == CXCursor_UnaryOperator) {
		enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);

		return op == CXUnaryOperator_PostInc ||
		       op == CXUnaryOperator_PostDec ||
		       op == CXUnaryOperator_PreInc ||
		       op == CXUnaryOperator_PreDec;
	}
	return looks_like_init(c);
}

/*
 * libclang visits only the parts of a for header that are present, so
 * "for (; i < n; i++)" has three children like "for (i = 0; i < n;)".
 * Tell them apart by shape.
 */
static struct ir *tr_for(struct ast_ctx *ctx, CXCursor c)
{
	struct cursors kids = children(c);
	unsigned nparts = kids.len ? kids.len - 1 : 0, i;
	int role[3] = { 0, 1, 2 };
	struct ir *n = new_node(ctx, IR_FOR, c, 4);

	if (ctx->in_stmtexpr)
		n->flags |= IR_F_INTERNAL;
	if (nparts == 2 && looks_like_init(kids.items[0])) {
		role[1] = looks_like_increment(kids.items[1]) ? 2 : 1;
	} else if (nparts == 2) {
		role[0] = 1;
		role[1] = 2;
	} else if (nparts == 1) {
		if (clang_getCursorKind(kids.items[0]) == CXCursor_DeclStmt)
			role[0] = 0;
		else if (looks_like_increment(kids.items[0]))
			role[0] = 2;
		else
			role[0] = 1;
	}
	for (i = 0; i < 3; i++)
		n->kids[i] = NULL;
	for (i = 0; i < nparts && i < 3; i++)
		n->kids[role[i]] = role[i] == 0 ? tr_stmt(ctx, kids.items[i]) :
						  tr_expr(ctx, kids.items[i]);
	n->kids[3] = kids.len ? tr_stmt(ctx, kids.items[kids.len - 1]) :
				nop(ctx, c);
	free(kids.items);
	return finish(n);
}

static int label_number(struct ast_ctx *ctx, CXCursor label)
{
	CXString spelling = clang_getCursorSpelling(label);
	const char *name = strtab_intern(ctx->strings,
					 clang_getCString(spelling));
	unsigned offset, i;
	CXFile file;

	clang_disposeString(spelling);
	clang_getExpansionLocation(clang_getCursorLocation(label), &file,
				   NULL, NULL, &offset);
	for (i = 0; i < ctx->nlabels; i++)
		if (ctx->labels[i].name == name && ctx->labels[i].offset == offset)
			return (int)i;
	if (ctx->nlabels == ctx->caplabels) {
		ctx->caplabels = ctx->caplabels ? ctx->caplabels * 2 : 16;
		ctx->labels = xrealloc(ctx->labels,
				       ctx->caplabels * sizeof(*ctx->labels));
	}
	ctx->labels[ctx->nlabels].name = name;
	ctx->labels[ctx->nlabels].offset = offset;
	ctx->fn->nlabels = (int)ctx->nlabels + 1;
	return (int)ctx->nlabels++;
}

static struct ir *tr_label(struct ast_ctx *ctx, CXCursor c)
{
	struct cursors kids = children(c);
	struct ir *n = new_node(ctx, IR_LABEL, c, 1);
	CXString name = clang_getCursorSpelling(c);

	n->name = strtab_intern(ctx->strings, clang_getCString(name));
	clang_disposeString(name);
	n->id = label_number(ctx, c);
	/* A macro's own label (put_user()'s __pu_failed): no path note. */
	if (ctx->in_stmtexpr)
		n->flags |= IR_F_INTERNAL;
	n->kids[0] = kids.len ? tr_stmt(ctx, kids.items[kids.len - 1]) :
				nop(ctx, c);
	free(kids.items);
	return finish(n);
}

static struct ir *tr_goto(struct ast_ctx *ctx, CXCursor c)
{
	struct cursors kids = children(c);
	struct ir *n = new_node(ctx, IR_GOTO, c, 0);

	n->id = -1;
	if (kids.len == 1 &&
	    clang_getCursorKind(kids.items[0]) == CXCursor_LabelRef) {
		n->id = label_number(ctx,
				     clang_getCursorReferenced(kids.items[0]));
		n->name = NULL;
	}
	free(kids.items);
	return n;
}

static struct ir *tr_case(struct ast_ctx *ctx, CXCursor c)
{
	struct cursors kids = children(c);
	struct ir *n = new_node(ctx, IR_CASE, c, 1), *value;

	if (kids.len == 2) {
		value = tr_expr(ctx, kids.items[0]);
		if (value->kind == IR_CONST)
			n->value = value->value;
		else
			n->flags |= IR_F_RANGE;
	} else {
		n->flags |= IR_F_RANGE;
	}
	n->kids[0] = kids.len ? tr_stmt(ctx, kids.items[kids.len - 1]) :
				nop(ctx, c);
	free(kids.items);
	return finish(n);
}

static struct ir *tr_sub(struct ast_ctx *ctx, CXCursor c, enum ir_kind kind)
{
	struct cursors kids = children(c);
	struct ir *n = new_node(ctx, kind, c, 1);

	n->kids[0] = kids.len ? tr_stmt(ctx, kids.items[kids.len - 1]) :
				nop(ctx, c);
	free(kids.items);
	return finish(n);
}

/*
 * if, while, do, switch, return: fixed child counts, some optional.  Bit
 * N of @stmts: child N is a statement ("if (x) f();" drops f()'s value),
 * the others are the conditions and values the statement reads.
 */
static struct ir *tr_fixed(struct ast_ctx *ctx, CXCursor c, enum ir_kind kind,
			   unsigned want, unsigned stmts)
{
	struct cursors kids = children(c);
	struct ir *n = new_node(ctx, kind, c, want);
	unsigned i;

	/*
	 * A macro's own branch or loop: see the path notes.  In a .c file
	 * an if of a macro's body is one too (a .i has no macros).
	 */
	if (ctx->in_stmtexpr || (kind == IR_IF && from_macro(c)))
		n->flags |= IR_F_INTERNAL;
	for (i = 0; i < want; i++) {
		if (i >= kids.len) {
			n->kids[i] = NULL;
			continue;
		}
		n->kids[i] = (stmts & (1u << i)) ||
			     !clang_isExpression(clang_getCursorKind(kids.items[i])) ?
			     tr_stmt(ctx, kids.items[i]) :
			     tr_expr(ctx, kids.items[i]);
	}
	free(kids.items);
	return finish(n);
}

static struct ir *tr_stmt(struct ast_ctx *ctx, CXCursor c)
{
	enum CXCursorKind k = clang_getCursorKind(c);
	struct ir *n;

	if (clang_isExpression(k)) {
		n = tr_expr(ctx, c);
		if (n && n->kind == IR_CALL)
			n->flags |= IR_F_DISCARDED;
		return n;
	}
	switch (k) {
	case CXCursor_CompoundStmt:
		return generic(ctx, IR_BLOCK, c, true);
	case CXCursor_DeclStmt:
		return tr_declstmt(ctx, c);
	case CXCursor_IfStmt:
		return tr_fixed(ctx, c, IR_IF, 3, 0x6);
	case CXCursor_WhileStmt:
		return tr_fixed(ctx, c, IR_WHILE, 2, 0x2);
	case CXCursor_DoStmt:
		return tr_fixed(ctx, c, IR_DO, 2, 0x1);
	case CXCursor_SwitchStmt:
		return tr_fixed(ctx, c, IR_SWITCH, 2, 0x2);
	case CXCursor_ReturnStmt:
		return tr_fixed(ctx, c, IR_RETURN, 1, 0);
	case CXCursor_ForStmt:
		return tr_for(ctx, c);
	case CXCursor_CaseStmt:
		return tr_case(ctx, c);
	case CXCursor_DefaultStmt:
		return tr_sub(ctx, c, IR_DEFAULT);
	case CXCursor_LabelStmt:
		return tr_label(ctx, c);
	case CXCursor_GotoStmt:
		return tr_goto(ctx, c);
	case CXCursor_IndirectGotoStmt: {
		struct ir *n = new_node(ctx, IR_GOTO, c, 0);

		n->id = -1;
		return n;
	}
	case CXCursor_BreakStmt:
		return new_node(ctx, IR_BREAK, c, 0);
	case CXCursor_ContinueStmt:
		return new_node(ctx, IR_CONTINUE, c, 0);
	case CXCursor_UnexposedStmt:
		/* fallthrough; and friends: the statement they wrap. */
		return generic(ctx, IR_BLOCK, c, true);
	case CXCursor_GCCAsmStmt:
	case CXCursor_MSAsmStmt:
		/* Nothing ladder evaluates, but not nothing: readl()'s load. */
		n = nop(ctx, c);
		n->flags |= IR_F_EFFECTS;
		return n;
	default:
		/* null statements */
		return nop(ctx, c);
	}
}

static enum ret_kind return_kind(CXCursor fn)
{
	CXType t = clang_getCanonicalType(clang_getResultType(clang_getCursorType(fn)));

	switch (t.kind) {
	case CXType_Void:
		return RET_VOID;
	case CXType_Pointer:
		return RET_POINTER;
	case CXType_Char_S:
	case CXType_SChar:
	case CXType_Short:
	case CXType_Int:
	case CXType_Long:
	case CXType_LongLong:
		return RET_SIGNED;
	case CXType_UChar:
	case CXType_UShort:
	case CXType_UInt:
	case CXType_ULong:
	case CXType_ULongLong:
		return RET_UNSIGNED;
	default:
		return RET_OTHER;
	}
}

/* First and last line of the definition, as the reader numbers them. */
static void function_extent(CXCursor c, struct ir_func *f)
{
	CXSourceRange range = clang_getCursorExtent(c);
	CXString file;
	unsigned col;

	clang_getPresumedLocation(clang_getRangeStart(range), &file,
				  &f->first_line, &col);
	clang_disposeString(file);
	clang_getPresumedLocation(clang_getRangeEnd(range), &file,
				  &f->last_line, &col);
	clang_disposeString(file);
}

struct ir_func *ast_translate(CXCursor fn, struct arena *arena,
			      struct strtab *strings)
{
	struct ast_ctx ctx = { .arena = arena, .strings = strings };
	struct cursors kids = children(fn);
	struct ir_func *f = arena_alloc(arena, sizeof(*f));
	CXString name = clang_getCursorSpelling(fn);
	int nparams = clang_Cursor_getNumArguments(fn), i;
	unsigned short flags = 0;

	ctx.fn = f;
	f->name = strtab_intern(strings, clang_getCString(name));
	clang_disposeString(name);
	f->loc = ast_location(fn, strings);
	function_extent(fn, f);
	f->ret = return_kind(fn);
	f->external = clang_getCursorLinkage(fn) == CXLinkage_External;
	/* Parameters first, so that parameter N is variable N. */
	for (i = 0; i < nparams; i++)
		var_id(&ctx, clang_Cursor_getArgument(fn, (unsigned)i), &flags);
	f->nparams = nparams > 0 ? (unsigned)nparams : 0;
	if (kids.len &&
	    clang_getCursorKind(kids.items[kids.len - 1]) == CXCursor_CompoundStmt)
		f->body = tr_stmt(&ctx, kids.items[kids.len - 1]);
	else
		f->body = nop(&ctx, fn);
	free(kids.items);
	free(ctx.vars);
	free(ctx.labels);
	return f;
}
