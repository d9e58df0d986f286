/* check_type.c: types for the checker (check_int.h): type expressions and
 * named types with their methods, predicates, identity (types are
 * interned: identical types have one id), assignability, convertibility,
 * method look-up with embedding and promotion (go/types' lookup.go),
 * interface satisfaction, and Go-syntax strings of types, expressions and
 * operands for messages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/lang/check_int.h"

/* ---- predicates --------------------------------------------------------- */

uint32_t ck_under(checker *k, uint32_t t)
{
    return t ? prog_type(k->prog, t)->under : 0;
}

static vm_kind ukind(checker *k, uint32_t t)
{
    return VM_KIND(ck_under(k, t));
}

bool ck_is_named(checker *k, uint32_t t)
{
    if (!t)
        return false;
    if (VM_TIDX(t) < TI__PREDECLARED)
        return VM_TIDX(t) != TI_ANY && t != T_UPTR && t != T_FUNC;
    return prog_type(k->prog, t)->named;
}

bool ck_is_untyped(uint32_t t)
{
    return t == T_UINT_K || t == T_UFLT_K || t == T_URUNE_K || t == T_UBOOL ||
           t == T_USTR || t == T_UNIL || t == T_UCPLX;
}

uint32_t ck_default(uint32_t t)
{
    switch (t) {
    case T_UINT_K:
        return T_INT;
    case T_UFLT_K:
        return T_FLOAT64;
    case T_UCPLX:
        return T_COMPLEX128;
    case T_URUNE_K:
        return T_INT32;
    case T_UBOOL:
        return T_BOOL;
    case T_USTR:
        return T_STRING;
    default:
        return t;
    }
}

bool ck_is_integer(checker *k, uint32_t t)
{
    if (ck_is_tparam(t))
        return ck_tparam_all(k, t, ck_is_integer);
    return t == T_UINT_K || t == T_URUNE_K || kind_is_int(ukind(k, t));
}

bool ck_is_unsigned(checker *k, uint32_t t)
{
    vm_kind x;
    if (ck_is_tparam(t))
        return ck_tparam_all(k, t, ck_is_unsigned);
    x = ukind(k, t);
    return x >= K_UINT && x <= K_UINTPTR;
}

bool ck_is_float(checker *k, uint32_t t)
{
    if (ck_is_tparam(t))
        return ck_tparam_all(k, t, ck_is_float);
    return t == T_UFLT_K || kind_is_float(ukind(k, t));
}

bool ck_is_complex(checker *k, uint32_t t)
{
    uint32_t u;
    if (ck_is_tparam(t))
        return ck_tparam_all(k, t, ck_is_complex);
    u = ck_under(k, t);
    return u == T_UCPLX || u == T_COMPLEX64 || u == T_COMPLEX128;
}

bool ck_is_numeric(checker *k, uint32_t t)
{
    if (ck_is_tparam(t))
        return ck_tparam_all(k, t, ck_is_numeric);
    return ck_is_integer(k, t) || ck_is_float(k, t) || ck_is_complex(k, t);
}

bool ck_is_string(checker *k, uint32_t t)
{
    if (ck_is_tparam(t))
        return ck_tparam_all(k, t, ck_is_string);
    return t == T_USTR || (ukind(k, t) == K_STRING && t != T_RTERROR);
}

bool ck_is_boolean(checker *k, uint32_t t)
{
    if (ck_is_tparam(t))
        return ck_tparam_all(k, t, ck_is_boolean);
    return t == T_UBOOL || ukind(k, t) == K_BOOL;
}

static bool is_numeric_or_string(checker *k, uint32_t t)
{
    return ck_is_numeric(k, t) || ck_is_string(k, t);
}

bool ck_is_numeric_or_string(checker *k, uint32_t t)
{
    if (ck_is_tparam(t))
        return ck_tparam_all(k, t, is_numeric_or_string);
    return is_numeric_or_string(k, t);
}

bool ck_is_const_type(checker *k, uint32_t t)
{
    if (ck_is_tparam(t))
        return false;
    return ck_is_numeric(k, t) || ck_is_string(k, t) || ck_is_boolean(k, t);
}

bool ck_is_interface(checker *k, uint32_t t)
{
    return t && ukind(k, t) == K_IFACE;
}

static bool has_nil_(checker *k, uint32_t t)
{
    vm_kind x = ukind(k, t);
    return t == T_UNIL || t == T_UPTR ||
           (x >= K_PTR && x <= K_IFACE && x != K_ARRAY);
}

bool ck_has_nil(checker *k, uint32_t t)
{
    vm_kind x = ukind(k, t);
    if (ck_is_tparam(t))
        return ck_tparam_all(k, t, has_nil_);
    return t == T_UNIL || t == T_UPTR ||
           (x >= K_PTR && x <= K_IFACE && x != K_ARRAY);
}

int ck_bits(checker *k, uint32_t t)
{
    vm_kind x = ukind(k, t);
    if (kind_is_int(x))
        return kind_bits(x);
    if (x == K_FLOAT32 || ck_under(k, t) == T_COMPLEX64)
        return 32;
    return 64;
}

static bool comparable_rec(checker *k, uint32_t t, int depth)
{
    const vm_type *u;
    if (!t || depth > 64)
        return true;
    if (ck_is_tparam(t))
        return ck_tparam_comparable(k, t);
    u = prog_type(k->prog, ck_under(k, t));
    switch (VM_KIND(u->id)) {
    case K_SLICE:
    case K_MAP:
    case K_FUNC:
        return false;
    case K_ARRAY:
        return comparable_rec(k, u->elem, depth + 1);
    case K_STRUCT:
        for (uint32_t i = 0; i < u->nfields; i++)
            if (!comparable_rec(k, u->fields[i].type, depth + 1))
                return false;
        return true;
    default:
        return true;
    }
}

bool ck_comparable(checker *k, uint32_t t)
{
    return comparable_rec(k, t, 0);
}

static bool ordered_(checker *k, uint32_t t)
{
    return ck_is_integer(k, t) || ck_is_float(k, t) || ck_is_string(k, t);
}

bool ck_ordered(checker *k, uint32_t t)
{
    if (ck_is_tparam(t))
        return ck_tparam_all(k, t, ordered_);
    return ordered_(k, t);
}

bool ck_identical(checker *k, uint32_t x, uint32_t y)
{
    (void)k;
    return x == y;
}

/* ---- strings --------------------------------------------------------------- */

static void type_str(checker *k, buf *b, uint32_t t, int depth);

static void sig_str(checker *k, buf *b, const vm_type *f, uint32_t skip,
                    int depth)
{
    buf_putc(b, '(');
    for (uint32_t i = skip; i < f->nparams; i++) {
        if (i > skip)
            buf_puts(b, ", ");
        if (f->variadic && i == f->nparams - 1) {
            buf_puts(b, "...");
            type_str(k, b, f->params[i] ? prog_type(k->prog, f->params[i])->elem
                                        : 0,
                     depth + 1);
        } else {
            type_str(k, b, f->params[i], depth + 1);
        }
    }
    buf_putc(b, ')');
    if (f->nresults == 1) {
        buf_putc(b, ' ');
        type_str(k, b, f->params[f->nparams], depth + 1);
    } else if (f->nresults > 1) {
        buf_puts(b, " (");
        for (uint32_t i = 0; i < f->nresults; i++) {
            if (i)
                buf_puts(b, ", ");
            type_str(k, b, f->params[f->nparams + i], depth + 1);
        }
        buf_putc(b, ')');
    }
}

static void type_str(checker *k, buf *b, uint32_t t, int depth)
{
    const vm_type *ty;
    if (depth > 20) {
        buf_puts(b, "…");
        return;
    }
    if (!t) {
        buf_puts(b, "invalid type");
        return;
    }
    switch (t) {
    case T_UINT_K:
        buf_puts(b, "untyped int");
        return;
    case T_UFLT_K:
        buf_puts(b, "untyped float");
        return;
    case T_UCPLX:
        buf_puts(b, "untyped complex");
        return;
    case T_URUNE_K:
        buf_puts(b, "untyped rune");
        return;
    case T_UBOOL:
        buf_puts(b, "untyped bool");
        return;
    case T_USTR:
        buf_puts(b, "untyped string");
        return;
    case T_UNIL:
        buf_puts(b, "untyped nil");
        return;
    case T_ANY:
        buf_puts(b, "any");
        return;
    default:
        break;
    }
    ty = prog_type(k->prog, t);
    if (VM_KIND(t) == K_TPARAM) {
        buf_puts(b, ty->name);
        return;
    }
    if (ty->named && ty->origin && ty->origin != t) {
        /* an instance: Name[A, B] */
        type_str(k, b, ty->origin, depth + 1);
        buf_putc(b, '[');
        for (uint32_t i = 0; i < ty->ntargs; i++) {
            if (i)
                buf_puts(b, ", ");
            type_str(k, b, ty->targs[i], depth + 1);
        }
        buf_putc(b, ']');
        return;
    }
    if (ty->named || (VM_TIDX(t) < TI__PREDECLARED && t != T_UPTR)) {
        const char *name = ty->name;
        if (ty->pkg) {
            size_t n = strlen(ty->pkg);
            if (!strncmp(name, ty->pkg, n) && name[n] == '.' && k->pkg &&
                !strcmp(ty->pkg, k->pkg->name))
                name += n + 1;
        }
        buf_puts(b, name);
        return;
    }
    switch (VM_KIND(t)) {
    case K_PTR:
        buf_putc(b, '*');
        type_str(k, b, ty->elem, depth + 1);
        break;
    case K_SLICE:
        buf_puts(b, "[]");
        type_str(k, b, ty->elem, depth + 1);
        break;
    case K_ARRAY:
        buf_printf(b, "[%lld]", (long long)ty->len);
        type_str(k, b, ty->elem, depth + 1);
        break;
    case K_MAP:
        buf_puts(b, "map[");
        type_str(k, b, ty->key, depth + 1);
        buf_putc(b, ']');
        type_str(k, b, ty->elem, depth + 1);
        break;
    case K_CHAN: {
        bool paren = false;
        if (ty->dir == 1)
            buf_puts(b, "chan<- ");
        else if (ty->dir == 2)
            buf_puts(b, "<-chan ");
        else {
            buf_puts(b, "chan ");
            /* chan (<-chan T) */
            paren = ty->elem && VM_KIND(ty->elem) == K_CHAN &&
                    !prog_type(k->prog, ty->elem)->named &&
                    prog_type(k->prog, ty->elem)->dir == 2;
        }
        if (paren)
            buf_putc(b, '(');
        type_str(k, b, ty->elem, depth + 1);
        if (paren)
            buf_putc(b, ')');
        break;
    }
    case K_FUNC:
        buf_puts(b, "func");
        sig_str(k, b, ty, 0, depth);
        break;
    case K_TUPLE:
        buf_putc(b, '(');
        for (uint32_t i = 0; i < ty->nresults; i++) {
            if (i)
                buf_puts(b, ", ");
            type_str(k, b, ty->params[i], depth + 1);
        }
        buf_putc(b, ')');
        break;
    case K_STRUCT:
        buf_puts(b, "struct{");
        for (uint32_t i = 0; i < ty->nfields; i++) {
            if (i)
                buf_puts(b, "; ");
            if (!ty->fields[i].embedded)
                buf_printf(b, "%s ", ck_name_str(k, ty->fields[i].name));
            type_str(k, b, ty->fields[i].type, depth + 1);
        }
        buf_putc(b, '}');
        break;
    case K_IFACE:
        if (ty->has_terms && !ty->nimethods && !ty->comparable &&
            ty->nterms) {
            /* a constraint written as its terms ([T int | string]) */
            for (uint32_t i = 0; i < ty->nterms; i++) {
                if (i)
                    buf_puts(b, " | ");
                if (ty->tilde[i])
                    buf_putc(b, '~');
                type_str(k, b, ty->terms[i], depth + 1);
            }
            break;
        }
        buf_puts(b, "interface{");
        if (ty->comparable)
            buf_puts(b, ty->nimethods || ty->nterms ? "comparable; "
                                                    : "comparable");
        for (uint32_t i = 0; i < ty->nterms; i++) {
            if (i)
                buf_puts(b, " | ");
            if (ty->tilde[i])
                buf_putc(b, '~');
            type_str(k, b, ty->terms[i], depth + 1);
        }
        if (ty->nterms && ty->nimethods)
            buf_puts(b, "; ");
        for (uint32_t i = 0; i < ty->nimethods; i++) {
            if (i)
                buf_puts(b, "; ");
            buf_puts(b, ck_name_str(k, ty->imethods[i]));
            if (ty->imtypes && ty->imtypes[i])
                sig_str(k, b, prog_type(k->prog, ty->imtypes[i]), 0,
                        depth + 1);
            else
                buf_puts(b, "()");
        }
        buf_putc(b, '}');
        break;
    default:
        buf_puts(b, ty->name);
        break;
    }
}

void ck_type_str(checker *k, buf *b, uint32_t t)
{
    type_str(k, b, t, 0);
}

const char *ck_tstr(checker *k, uint32_t t)
{
    buf b;
    char *s;
    buf_init(&b);
    type_str(k, &b, t, 0);
    s = arena_strdup(&k->mem, b.p ? b.p : "");
    buf_fini(&b);
    return s;
}

static const char *op_str(lex_kind opk)
{
    return lex_kind_str(opk);
}

static void expr_list_str(buf *b, ast_list l)
{
    for (size_t i = 0; i < l.n; i++) {
        if (i)
            buf_puts(b, ", ");
        ck_expr_str(b, l.v[i]);
    }
}

static void fields_str(buf *b, ast_list l, const char *sep)
{
    for (size_t i = 0; i < l.n; i++) {
        ast_node *f = l.v[i];
        if (i)
            buf_puts(b, sep);
        for (size_t j = 0; j < f->u.field.names.n; j++) {
            if (j)
                buf_puts(b, ", ");
            buf_puts(b, f->u.field.names.v[j]->u.ident.name);
        }
        if (f->u.field.names.n)
            buf_putc(b, ' ');
        ck_expr_str(b, f->u.field.type);
    }
}

static void functype_str(buf *b, const ast_node *n)
{
    buf_putc(b, '(');
    fields_str(b, n->u.func_type.params, ", ");
    buf_putc(b, ')');
    if (n->u.func_type.results.n == 1 &&
        !n->u.func_type.results.v[0]->u.field.names.n) {
        buf_putc(b, ' ');
        ck_expr_str(b, n->u.func_type.results.v[0]->u.field.type);
    } else if (n->u.func_type.results.n) {
        buf_puts(b, " (");
        fields_str(b, n->u.func_type.results, ", ");
        buf_putc(b, ')');
    }
}

void ck_expr_str(buf *b, const ast_node *n)
{
    if (!n)
        return;
    switch (n->kind) {
    case AST_IDENT:
        buf_puts(b, n->u.ident.name);
        break;
    case AST_INT_LIT:
        buf_puts(b, n->u.int_lit.text);
        break;
    case AST_FLOAT_LIT:
        buf_puts(b, n->u.float_lit.text);
        break;
    case AST_RUNE_LIT:
        buf_puts(b, n->u.rune_lit.text);
        break;
    case AST_STRING_LIT: {
        const_val v;
        v.k = CONST_STRING;
        v.s = (const char *)n->u.string_lit.bytes;
        v.n = n->u.string_lit.len;
        const_format(b, v);
        break;
    }
    case AST_COMPOSITE_LIT:
        ck_expr_str(b, n->u.composite.type);
        buf_puts(b, n->u.composite.elts.n ? "{…}" : "{}");
        break;
    case AST_FUNC_LIT:
        buf_puts(b, "func");
        functype_str(b, n->u.func_lit.type);
        buf_puts(b, " {…}");
        break;
    case AST_PAREN:
        buf_putc(b, '(');
        ck_expr_str(b, n->u.paren.x);
        buf_putc(b, ')');
        break;
    case AST_SELECTOR:
        ck_expr_str(b, n->u.selector.x);
        buf_putc(b, '.');
        buf_puts(b, n->u.selector.sel->u.ident.name);
        break;
    case AST_INDEX:
        ck_expr_str(b, n->u.index.x);
        buf_putc(b, '[');
        ck_expr_str(b, n->u.index.index);
        buf_putc(b, ']');
        break;
    case AST_SLICE:
        ck_expr_str(b, n->u.slice.x);
        buf_putc(b, '[');
        ck_expr_str(b, n->u.slice.lo);
        buf_putc(b, ':');
        ck_expr_str(b, n->u.slice.hi);
        if (n->u.slice.three) {
            buf_putc(b, ':');
            ck_expr_str(b, n->u.slice.max);
        }
        buf_putc(b, ']');
        break;
    case AST_TYPE_ASSERT:
        ck_expr_str(b, n->u.type_assert.x);
        buf_puts(b, ".(");
        if (n->u.type_assert.type)
            ck_expr_str(b, n->u.type_assert.type);
        else
            buf_puts(b, "type");
        buf_putc(b, ')');
        break;
    case AST_CALL:
        ck_expr_str(b, n->u.call.fn);
        buf_putc(b, '(');
        expr_list_str(b, n->u.call.args);
        if (n->u.call.spread)
            buf_puts(b, "...");
        buf_putc(b, ')');
        break;
    case AST_STAR:
        buf_putc(b, '*');
        ck_expr_str(b, n->u.star.x);
        break;
    case AST_UNARY:
        buf_puts(b, op_str(n->u.unary.op));
        ck_expr_str(b, n->u.unary.x);
        break;
    case AST_BINARY:
        ck_expr_str(b, n->u.binary.x);
        buf_printf(b, " %s ", op_str(n->u.binary.op));
        ck_expr_str(b, n->u.binary.y);
        break;
    case AST_KEY_VALUE:
        ck_expr_str(b, n->u.kv.key);
        buf_puts(b, ": ");
        ck_expr_str(b, n->u.kv.value);
        break;
    case AST_ELLIPSIS:
        buf_puts(b, "...");
        ck_expr_str(b, n->u.ellipsis.elt);
        break;
    case AST_ARRAY_TYPE:
        buf_putc(b, '[');
        ck_expr_str(b, n->u.array.len);
        buf_putc(b, ']');
        ck_expr_str(b, n->u.array.elem);
        break;
    case AST_SLICE_TYPE:
        buf_puts(b, "[]");
        ck_expr_str(b, n->u.slice_type.elem);
        break;
    case AST_MAP_TYPE:
        buf_puts(b, "map[");
        ck_expr_str(b, n->u.map.key);
        buf_putc(b, ']');
        ck_expr_str(b, n->u.map.value);
        break;
    case AST_CHAN_TYPE:
        buf_puts(b, n->u.chan.dir == AST_CHAN_SEND   ? "chan<- "
                    : n->u.chan.dir == AST_CHAN_RECV ? "<-chan "
                                                     : "chan ");
        ck_expr_str(b, n->u.chan.elem);
        break;
    case AST_FUNC_TYPE:
        buf_puts(b, "func");
        functype_str(b, n);
        break;
    case AST_STRUCT_TYPE:
        buf_puts(b, "struct{");
        fields_str(b, n->u.struct_type.fields, "; ");
        buf_putc(b, '}');
        break;
    case AST_INTERFACE_TYPE:
        buf_puts(b, "interface{");
        for (size_t i = 0; i < n->u.interface_type.methods.n; i++) {
            ast_node *m = n->u.interface_type.methods.v[i];
            if (i)
                buf_puts(b, "; ");
            if (m->u.field.names.n) {
                buf_puts(b, m->u.field.names.v[0]->u.ident.name);
                functype_str(b, m->u.field.type);
            } else {
                ck_expr_str(b, m->u.field.type);
            }
        }
        buf_putc(b, '}');
        break;
    default:
        buf_puts(b, ast_kind_str(n->kind));
        break;
    }
}

const char *ck_op_str(checker *k, const operand *x)
{
    buf b, e;
    char *s;
    static const char *const modes[] = {
        "invalid operand", "no value", "built-in", "type", "constant",
        "variable", "map index expression", "value", "comma, ok expression"};
    buf_init(&b);
    buf_init(&e);
    if (x->mode == CK_VALUE && (x->type == T_UNIL || x->isnil)) {
        s = arena_strdup(&k->mem, "nil");
        buf_fini(&b);
        buf_fini(&e);
        return s;
    }
    if (x->expr)
        ck_expr_str(&e, x->expr);
    else if (x->mode == CK_CONST)
        const_format(&e, x->val);
    else if (x->mode == CK_TYPE)
        ck_type_str(k, &e, x->type);
    if (e.len) {
        buf_append(&b, e.p, e.len);
        buf_puts(&b, " (");
    }
    if (x->mode != CK_INVALID && x->mode != CK_NOVALUE &&
        x->mode != CK_BUILTIN && x->mode != CK_TYPE && x->type &&
        ck_is_untyped(x->type)) {
        ck_type_str(k, &b, x->type);
        buf_putc(&b, ' ');
    }
    buf_puts(&b, modes[x->mode]);
    if (x->mode == CK_CONST) {
        buf v;
        buf_init(&v);
        const_format(&v, x->val);
        if (!e.p || strcmp(v.p ? v.p : "", e.p)) {
            buf_putc(&b, ' ');
            buf_append(&b, v.p ? v.p : "", v.len);
        }
        buf_fini(&v);
    }
    if (x->mode != CK_INVALID && x->mode != CK_NOVALUE &&
        x->mode != CK_BUILTIN && x->mode != CK_TYPE && x->type &&
        !ck_is_untyped(x->type)) {
        buf_puts(&b, " of type ");
        ck_type_str(k, &b, x->type);
    }
    if (e.len)
        buf_putc(&b, ')');
    s = arena_strdup(&k->mem, b.p ? b.p : "");
    buf_fini(&b);
    buf_fini(&e);
    return s;
}

/* ---- type expressions --------------------------------------------------------- */

/* The kind a type expression denotes, without building it (named types
 * refer to themselves). */
static vm_kind kind_of(checker *k, res_pkg *p, ast_node *n, int depth)
{
    res_sym *s = NULL;
    if (!n || depth > 100)
        return K_NIL;
    switch (n->kind) {
    case AST_PAREN:
        return kind_of(k, p, n->u.paren.x, depth + 1);
    case AST_STAR:
        return K_PTR;
    case AST_ARRAY_TYPE:
        return K_ARRAY;
    case AST_SLICE_TYPE:
        return K_SLICE;
    case AST_MAP_TYPE:
        return K_MAP;
    case AST_CHAN_TYPE:
        return K_CHAN;
    case AST_FUNC_TYPE:
        return K_FUNC;
    case AST_STRUCT_TYPE:
        return K_STRUCT;
    case AST_INTERFACE_TYPE:
        return K_IFACE;
    case AST_INDEX: /* G[T]: G's kind, whatever T */
        return kind_of(k, p, n->u.index.x, depth + 1);
    case AST_IDENT:
        s = res_lookup(k->R, p, n);
        break;
    case AST_SELECTOR:
        s = res_lookup(k->R, p, n->u.selector.sel);
        break;
    default:
        return K_NIL;
    }
    if (!s || s->kind != RS_TYPE)
        return K_NIL;
    if (!s->spec)
        return VM_KIND(k->prog->types.p[s->builtin].id);
    {
        const ck_obj *o = ck_obj_get(k, s);
        if (o->state == 2 && o->type)
            return VM_KIND(o->type);
    }
    return kind_of(k, s->pkg, s->spec->u.type_spec.type, depth + 1);
}

/* Does a value of type t contain a value of type target by value (not
 * through a reference)? An invalid recursive type does. */
static bool holds(checker *k, uint32_t t, uint32_t target, int depth)
{
    const vm_type *ty;
    if (!t || depth > 64)
        return false;
    if (t == target && depth > 0)
        return true;
    ty = prog_type(k->prog, t);
    if (VM_KIND(t) == K_ARRAY)
        return holds(k, ty->elem, target, depth + 1);
    if (VM_KIND(t) != K_STRUCT)
        return false;
    for (uint32_t i = 0; i < ty->nfields; i++)
        if (holds(k, ty->fields[i].type, target, depth + 1))
            return true;
    return false;
}

static uint32_t named_type_in(checker *k, res_sym *s);

/* The type parameters of the generic function being checked (or of the
 * one around it): a type declared in it has them first (Go's unified IR:
 * one type per instantiation of the function). Their number. */
static uint32_t func_tparams(checker *k, uint32_t *out, uint32_t max)
{
    const ck_func *f = k->fn;
    ast_list fields = {0};
    uint32_t n = 0;
    while (f && f->outer)
        f = f->outer;
    if (!f || f->node->kind != AST_FUNC_DECL)
        return 0;
    fields = f->node->u.func_decl.type->u.func_type.tparams;
    if (!fields.n && f->node->u.func_decl.recv) {
        /* a generic type's method: its receiver's type parameters */
        ast_node *rt = f->node->u.func_decl.recv->u.field.type;
        while (rt->kind == AST_PAREN || rt->kind == AST_STAR)
            rt = rt->kind == AST_PAREN ? rt->u.paren.x : rt->u.star.x;
        if (rt->kind != AST_INDEX)
            return 0;
        for (size_t i = 0; i <= rt->u.index.more.n && n < max; i++) {
            ast_node *id =
                i == 0 ? rt->u.index.index : rt->u.index.more.v[i - 1];
            res_sym *s = ck_sym(k, id);
            uint32_t t = s ? ck_obj_get(k, s)->type : 0;
            if (t)
                out[n++] = t;
        }
        return n;
    }
    for (size_t i = 0; i < fields.n; i++) {
        ast_list names = fields.v[i]->u.field.names;
        for (size_t j = 0; j < names.n && n < max; j++) {
            res_sym *s = ck_sym(k, names.v[j]);
            uint32_t t = s ? ck_obj_get(k, s)->type : 0;
            if (t)
                out[n++] = t;
        }
    }
    return n;
}

uint32_t ck_named_type(checker *k, res_sym *s)
{
    uint32_t t;
    k->type_depth++;
    t = named_type_in(k, s);
    k->type_depth--;
    return t;
}

static uint32_t named_type_in(checker *k, res_sym *s)
{
    vm_program *p = k->prog;
    ck_obj *o = ck_obj_get(k, s);
    res_pkg *saved = k->pkg;
    vm_kind kind;
    uint32_t t, u, impl[64], nimpl = 0;
    char name[300];
    if (!s->spec)
        return p->types.p[s->builtin].id;
    if (o->state == 2 || (o->state == 1 && o->type))
        return o->type;
    if (o->state == 1) {
        ck_errorf(k, s->ident, "invalid recursive type %s", s->name);
        return 0;
    }
    o->state = 1;
    k->pkg = s->pkg;
    if (s->spec->u.type_spec.alias) {
        o->type = ck_typexpr(k, s->spec->u.type_spec.type);
        o->state = 2;
        s->type = o->type;
        s->state = 2;
        k->pkg = saved;
        return o->type;
    }
    kind = kind_of(k, s->pkg, s->spec->u.type_spec.type, 0);
    if (kind == K_NIL) {
        /* type T U where U cannot be built yet: the error comes below */
        u = ck_typexpr(k, s->spec->u.type_spec.type);
        k->pkg = saved;
        o->state = 2;
        if (!u)
            return 0;
        kind = VM_KIND(u);
    }
    if (s->vargen && !s->spec->u.type_spec.alias)
        nimpl = func_tparams(k, impl, 32);
    if (nimpl)
        snprintf(name, sizeof name, "%s.%s\xc2\xb7%d", s->pkg->name, s->name,
                 s->vargen);
    else
        snprintf(name, sizeof name, "%s.%s", s->pkg->name, s->name);
    t = type_new(p, kind, name);
    p->types.p[VM_TIDX(t)].named = true;
    p->types.p[VM_TIDX(t)].pkg = s->pkg->name;
    p->types.p[VM_TIDX(t)].pkgpath = arena_strdup(&p->mem, s->pkg->path);
    o->type = t;
    s->type = t; /* the compiler reads it back (its named_type) */
    s->state = 1;
    ck_named_of(k, t)->sym = s;
    if (s->spec->u.type_spec.tparams.n || nimpl) {
        /* a generic type: its own instance G[P, Q] (after the type
         * parameters of the function declaring it) */
        uint32_t tps[64], ntp, *keep;
        memcpy(tps, impl, nimpl * sizeof *tps);
        ntp = nimpl + ck_declare_tparams(k, s->spec->u.type_spec.tparams,
                                         tps + nimpl, 64 - nimpl);
        keep = arena_alloc(&p->mem, (ntp ? ntp : 1) * sizeof *keep);
        memcpy(keep, tps, ntp * sizeof *keep);
        p->types.p[VM_TIDX(t)].origin = t;
        p->types.p[VM_TIDX(t)].ntargs = ntp;
        p->types.p[VM_TIDX(t)].targs = keep;
        p->types.p[VM_TIDX(t)].nimplicit = nimpl;
        p->types.p[VM_TIDX(t)].generic = true;
    }
    /* the method table the VM looks methods up in (protos come later) */
    if (s->methods.len) {
        vm_method *ms = arena_alloc(&p->mem, s->methods.len * sizeof *ms);
        for (size_t i = 0; i < s->methods.len; i++) {
            ast_node *d = s->methods.p[i];
            ast_node *rt = d->u.func_decl.recv->u.field.type;
            while (rt->kind == AST_PAREN)
                rt = rt->u.paren.x;
            ms[i].name = ck_name(k, d->u.func_decl.name->u.ident.name);
            ms[i].ptr_recv = rt->kind == AST_STAR;
            ms[i].fn = NULL;
        }
        p->types.p[VM_TIDX(t)].methods = ms;
        p->types.p[VM_TIDX(t)].nmethods = (uint32_t)s->methods.len;
    }
    u = ck_typexpr(k, s->spec->u.type_spec.type);
    k->pkg = saved;
    if (u) {
        if (VM_KIND(u) != kind) {
            ck_errorf(k, s->ident, "invalid recursive type %s", s->name);
            return t;
        }
        type_set_under(p, t, u);
        ck_complete_instances(k, t);
    }
    o->state = 2;
    s->state = 2;
    if (u && holds(k, t, t, 0)) {
        ck_errorf(k, s->ident, "invalid recursive type %s", s->name);
        return t;
    }
    /* a library type made on first use (check_reach.c): its method set
     * now, as its package's check would have done before any look-up */
    if (k->lazy && s->pkg->library && !s->spec->u.type_spec.tparams.n) {
        ck_collect_methods(k, t);
        ck_reach_type_made(k, s);
    }
    return t;
}

bool ck_bind_recv_tparams(checker *k, ast_node *recv, uint32_t origin)
{
    ast_node *rt = recv->u.field.type;
    const vm_type *o = prog_type(k->prog, origin);
    size_t n;
    while (rt->kind == AST_PAREN || rt->kind == AST_STAR)
        rt = rt->kind == AST_PAREN ? rt->u.paren.x : rt->u.star.x;
    if (rt->kind != AST_INDEX) {
        if (o->ntargs && o->origin == origin) {
            ck_errorf(k, rt, "cannot use generic type %s without "
                             "instantiation",
                      ck_tstr(k, origin));
            return false;
        }
        return true;
    }
    n = rt->u.index.more.n + 1;
    if (o->origin != origin || n != o->ntargs) {
        ck_errorf(k, rt, "got %zu type parameter%s, but receiver base type "
                         "declares %u",
                  n, n == 1 ? "" : "s", o->ntargs);
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        ast_node *id = i == 0 ? rt->u.index.index : rt->u.index.more.v[i - 1];
        res_sym *s = ck_sym(k, id);
        if (s) {
            ck_obj *ob = ck_obj_get(k, s);
            ob->type = prog_type(k->prog, origin)->targs[i];
            ob->state = 2;
        }
    }
    return true;
}

void ck_collect_methods(checker *k, uint32_t t)
{
    ck_named *nm;
    res_sym *s;
    res_pkg *saved = k->pkg;
    if (!t)
        return;
    nm = ck_named_of(k, t);
    if (nm->methods_done || !nm->sym)
        return;
    nm->methods_done = true;
    {
        vm_type it = *prog_type(k->prog, t);
        if (it.origin && it.origin != t) {
            /* an instance: the generic type's methods, substituted */
            ck_named *on;
            ck_collect_methods(k, it.origin);
            on = ck_named_of(k, it.origin);
            for (size_t i = 0; i < on->methods.len; i++) {
                ck_method m = on->methods.p[i];
                const vm_type *og = prog_type(k->prog, it.origin);
                m.sig = ck_subst(k, m.sig, og->targs, it.targs, it.ntargs);
                on = ck_named_of(k, it.origin);
                nm = ck_named_of(k, t);
                VEC_PUSH(nm->methods, m);
            }
            return;
        }
    }
    s = nm->sym;
    k->pkg = s->pkg;
    for (size_t i = 0; i < s->methods.len && !k->failed; i++) {
        ast_node *d = s->methods.p[i];
        ast_node *rt = d->u.func_decl.recv->u.field.type;
        ck_method m;
        const vm_type *u;
        while (rt->kind == AST_PAREN)
            rt = rt->u.paren.x;
        memset(&m, 0, sizeof m);
        m.name = ck_name(k, d->u.func_decl.name->u.ident.name);
        m.ptr_recv = rt->kind == AST_STAR;
        m.decl = d;
        if (!ck_bind_recv_tparams(k, d->u.func_decl.recv, t))
            break;
        m.sig = ck_signature(k, d->u.func_decl.type, NULL);
        /* a blank method is checked, but no method of the type */
        if (!strcmp(ck_name_str(k, m.name), "_"))
            continue;
        /* a field and a method of the same name */
        u = prog_type(k->prog, ck_under(k, t));
        if (VM_KIND(u->id) == K_STRUCT)
            for (uint32_t f = 0; f < u->nfields; f++)
                if (u->fields[f].name == m.name) {
                    ck_errorf(k, d->u.func_decl.name,
                              "field and method with the same name %s",
                              ck_name_str(k, m.name));
                    break;
                }
        if (VM_KIND(t) == K_PTR || VM_KIND(t) == K_IFACE) {
            ck_errorf(k, rt, "invalid receiver type %s",
                      ck_tstr(k, t));
            break;
        }
        nm = ck_named_of(k, t);
        VEC_PUSH(nm->methods, m);
    }
    k->pkg = saved;
}

/* Params or results of a field list. */
static uint32_t field_types(checker *k, ast_list l, uint32_t *out,
                            uint32_t max, bool *variadic, bool params)
{
    uint32_t n = 0;
    for (size_t i = 0; i < l.n; i++) {
        ast_node *f = l.v[i];
        size_t cnt = f->u.field.names.n ? f->u.field.names.n : 1;
        ast_node *tn = f->u.field.type;
        uint32_t t;
        if (tn->kind == AST_ELLIPSIS) {
            if (!params || i != l.n - 1 || cnt > 1) {
                ck_errorf(k, tn, "can only use ... with final parameter in "
                                 "list");
                return n;
            }
            t = type_slice(k->prog, ck_typexpr(k, tn->u.ellipsis.elt));
            *variadic = true;
        } else {
            t = ck_typexpr(k, tn);
        }
        for (size_t j = 0; j < cnt && n < max; j++)
            out[n++] = t;
    }
    return n;
}

uint32_t ck_signature(checker *k, ast_node *ftype, ast_node *recv)
{
    uint32_t ps[256], rs[64];
    uint32_t np = 0, nr;
    bool variadic = false;
    (void)recv;
    np = field_types(k, ftype->u.func_type.params, ps, 256, &variadic, true);
    nr = field_types(k, ftype->u.func_type.results, rs, 64, &variadic,
                     false);
    if (k->failed)
        return 0;
    {
        /* recorded: the compiler reads signatures back */
        uint32_t t = type_func(k->prog, ps, np, rs, nr, variadic);
        operand x;
        memset(&x, 0, sizeof x);
        x.mode = CK_TYPE;
        x.expr = ftype;
        x.type = t;
        ck_record(k, &x);
        return t;
    }
}

/* The value of an array length expression. */
static int64_t array_len(checker *k, ast_node *n)
{
    operand x;
    int64_t v;
    ck_expr(k, &x, n);
    if (x.mode == CK_INVALID)
        return -1;
    if (x.mode != CK_CONST) {
        if (x.mode != CK_INVALID)
            ck_errorf(k, n, "array length %s must be constant",
                      ck_op_str(k, &x));
        return -1;
    }
    if (ck_is_untyped(x.type) || ck_is_integer(k, x.type)) {
        const_val iv = const_to_int(&k->mem, x.val);
        if (iv.k == CONST_INT && ck_is_integer(k, ck_default(x.type))) {
            if (const_int64_val(iv, &v) && v >= 0)
                return v;
            ck_errorf(k, n, "invalid array length %s", ck_op_str(k, &x));
            return -1;
        }
        if (iv.k == CONST_INT) {
            if (const_int64_val(iv, &v) && v >= 0) {
                ck_convert_untyped(k, &x, T_INT);
                return v;
            }
            ck_errorf(k, n, "invalid array length %s", ck_op_str(k, &x));
            return -1;
        }
    }
    ck_errorf(k, n, "array length %s must be integer", ck_op_str(k, &x));
    return -1;
}

/* A field's tag as a name id (0: none). */
static uint32_t field_tag(checker *k, const ast_node *f)
{
    char *t;
    uint32_t id;
    if (!f->u.field.tag || !f->u.field.tag->u.string_lit.len)
        return 0;
    t = wf_xmalloc(f->u.field.tag->u.string_lit.len + 2);
    t[0] = '`'; /* never an identifier */
    memcpy(t + 1, f->u.field.tag->u.string_lit.bytes,
           f->u.field.tag->u.string_lit.len);
    t[f->u.field.tag->u.string_lit.len + 1] = 0;
    id = ck_name(k, t);
    free(t);
    return id;
}

/* Identical but for struct tags (Go spec, "Conversions"). */
static bool identical_no_tags(checker *k, uint32_t x, uint32_t y, int depth)
{
    const vm_type *a, *b;
    if (x == y)
        return true;
    if (!x || !y || depth > 32 || VM_KIND(x) != VM_KIND(y))
        return false;
    a = prog_type(k->prog, x);
    b = prog_type(k->prog, y);
    if (a->named || b->named)
        return false;
    switch (VM_KIND(x)) {
    case K_STRUCT:
        if (a->nfields != b->nfields)
            return false;
        for (uint32_t i = 0; i < a->nfields; i++)
            if (a->fields[i].name != b->fields[i].name ||
                a->fields[i].embedded != b->fields[i].embedded ||
                !identical_no_tags(k, a->fields[i].type, b->fields[i].type,
                                   depth + 1))
                return false;
        return true;
    case K_PTR:
    case K_SLICE:
        return identical_no_tags(k, a->elem, b->elem, depth + 1);
    case K_ARRAY:
        return a->len == b->len &&
               identical_no_tags(k, a->elem, b->elem, depth + 1);
    case K_MAP:
        return identical_no_tags(k, a->key, b->key, depth + 1) &&
               identical_no_tags(k, a->elem, b->elem, depth + 1);
    default:
        return false;
    }
}

static uint32_t struct_type(checker *k, ast_node *n)
{
    VEC(vm_field) fl = {0};
    uint32_t t;
    for (size_t i = 0; i < n->u.struct_type.fields.n && !k->failed; i++) {
        ast_node *f = n->u.struct_type.fields.v[i];
        uint32_t ft = ck_typexpr(k, f->u.field.type);
        if (!f->u.field.names.n) {
            ast_node *tn = f->u.field.type;
            vm_field x;
            memset(&x, 0, sizeof x); /* interned by memcmp */
            while (tn->kind == AST_PAREN)
                tn = tn->u.paren.x;
            if (tn->kind == AST_STAR)
                tn = tn->u.star.x;
            if (tn->kind == AST_INDEX) /* an embedded instance G[A] */
                tn = tn->u.index.x;
            if (tn->kind == AST_SELECTOR)
                tn = tn->u.selector.sel;
            if (tn->kind != AST_IDENT) {
                ck_errorf(k, f->u.field.type, "embedded field type must be "
                                              "a type name");
                break;
            }
            if (ft && VM_KIND(ft) == K_PTR &&
                (ck_is_interface(k, prog_type(k->prog, ft)->elem) ||
                 VM_KIND(ck_under(k, prog_type(k->prog, ft)->elem)) ==
                     K_PTR)) {
                ck_errorf(k, f->u.field.type,
                          "embedded field type cannot be a pointer to an "
                          "interface");
                break;
            }
            x.name = ck_name(k, tn->u.ident.name);
            x.type = ft;
            x.embedded = true;
            x.tag = field_tag(k, f);
            VEC_PUSH(fl, x);
            continue;
        }
        for (size_t j = 0; j < f->u.field.names.n; j++) {
            vm_field x;
            memset(&x, 0, sizeof x); /* interned by memcmp */
            x.name = ck_name(k, f->u.field.names.v[j]->u.ident.name);
            x.type = ft;
            x.embedded = false;
            x.tag = field_tag(k, f);
            VEC_PUSH(fl, x);
        }
    }
    /* duplicate fields */
    for (size_t i = 0; i < fl.len && !k->failed; i++)
        for (size_t j = 0; j < i; j++)
            if (fl.p[i].name == fl.p[j].name &&
                strcmp(ck_name_str(k, fl.p[i].name), "_")) {
                ck_errorf(k, n, "%s redeclared", ck_name_str(k, fl.p[i].name));
                break;
            }
    t = type_struct(k->prog, fl.p, (uint32_t)fl.len);
    VEC_FREE(fl);
    return t;
}

/* A generic type with its parameters: "List[T any]". */
static const char *generic_str(checker *k, uint32_t t)
{
    const vm_type *ty = prog_type(k->prog, t);
    buf b;
    char *r;
    buf_init(&b);
    type_str(k, &b, t, 0);
    buf_putc(&b, '[');
    for (uint32_t i = 0; i < ty->ntargs; i++) {
        uint32_t tp = prog_type(k->prog, t)->targs[i];
        if (i)
            buf_puts(&b, ", ");
        buf_printf(&b, "%s ", prog_type(k->prog, tp)->name);
        type_str(k, &b, prog_type(k->prog, tp)->elem, 0);
    }
    buf_putc(&b, ']');
    r = arena_strdup(&k->mem, b.p);
    buf_fini(&b);
    return r;
}

/* While the base of an instantiation G[A] is looked up, G alone is fine. */
static bool generic_ok(checker *k)
{
    return k->generic_base;
}

static uint32_t typexpr(checker *k, ast_node *n);

/* G[A, B]: an instance of a generic type. */
static uint32_t instance_type(checker *k, ast_node *n)
{
    uint32_t g, args[64], na = 0, ni;
    const vm_type *gt;
    bool saved = k->generic_base;
    k->generic_base = true;
    g = typexpr(k, n->u.index.x);
    k->generic_base = saved;
    if (!g)
        return 0;
    gt = prog_type(k->prog, g);
    ni = gt->nimplicit;
    if (!gt->named || gt->origin != g || gt->ntargs == ni) {
        buf b;
        buf_init(&b);
        ck_expr_str(&b, n->u.index.x);
        ck_errorf(k, n->u.index.x, "%s is not a generic type", b.p);
        buf_fini(&b);
        return 0;
    }
    /* a type declared in a generic function: its type parameters first */
    memcpy(args, gt->targs, ni * sizeof *args);
    na = ni;
    args[na++] = typexpr(k, n->u.index.index);
    for (size_t i = 0; i < n->u.index.more.n && na < 64; i++)
        args[na++] = typexpr(k, n->u.index.more.v[i]);
    for (uint32_t i = 0; i < na; i++)
        if (!args[i])
            return 0;
    gt = prog_type(k->prog, g);
    if (na != gt->ntargs) {
        buf b;
        buf_init(&b);
        ck_expr_str(&b, n->u.index.x);
        ck_errorf(k, n, "%s type arguments for type %s: have %u, want %u",
                  na < gt->ntargs ? "not enough" : "too many", b.p, na - ni,
                  gt->ntargs - ni);
        buf_fini(&b);
        return 0;
    }
    {
        uint32_t tps[64];
        memcpy(tps, gt->targs, na * sizeof *tps);
        if (!ck_verify_targs(k, n, tps, args, na))
            return 0;
    }
    return ck_instantiate(k, g, args, na);
}

static uint32_t typexpr(checker *k, ast_node *n)
{
    vm_program *p = k->prog;
    res_sym *s;
    if (!n)
        return 0;
    switch (n->kind) {
    case AST_PAREN:
        return typexpr(k, n->u.paren.x);
    case AST_IDENT:
        s = ck_sym(k, n);
        if (!s) {
            ck_errorf(k, n, "undefined: %s", n->u.ident.name);
            return 0;
        }
        if (s->kind != RS_TYPE) {
            ck_errorf(k, n, "%s is not a type", n->u.ident.name);
            return 0;
        }
        if (s->tparam) {
            ck_obj *o = ck_obj_get(k, s);
            if (!o->type)
                ck_errorf(k, n, "undefined: %s", n->u.ident.name);
            return o->type;
        }
        if (!s->spec)
            return p->types.p[s->builtin].id;
        {
            uint32_t t = ck_named_type(k, s);
            if (t && !generic_ok(k) && prog_type(p, t)->origin == t &&
                s->spec->u.type_spec.tparams.n) {
                ck_errorf(k, n, "cannot use generic type %s without "
                                "instantiation",
                          generic_str(k, t));
                return 0;
            }
            return t;
        }
    case AST_INDEX:
        return instance_type(k, n);
    case AST_SELECTOR: {
        res_sym *pk = n->u.selector.x->kind == AST_IDENT
                          ? ck_sym(k, n->u.selector.x)
                          : NULL;
        if (!pk || pk->kind != RS_PKG) {
            buf b;
            buf_init(&b);
            ck_expr_str(&b, n);
            ck_errorf(k, n, "%s is not a type", b.p);
            buf_fini(&b);
            return 0;
        }
        s = ck_sym(k, n->u.selector.sel);
        if (!s || s->kind != RS_TYPE) {
            ck_errorf(k, n, "%s.%s is not a type", pk->name,
                      n->u.selector.sel->u.ident.name);
            return 0;
        }
        ck_use_sym(k, pk);
        {
            uint32_t t = ck_named_type(k, s);
            if (t && !generic_ok(k) && prog_type(p, t)->origin == t &&
                s->spec && s->spec->u.type_spec.tparams.n) {
                ck_errorf(k, n, "cannot use generic type %s.%s without "
                                "instantiation",
                          pk->name, s->name);
                return 0;
            }
            return t;
        }
    }
    case AST_STAR: {
        uint32_t e = typexpr(k, n->u.star.x);
        return e ? type_ptr(p, e) : 0;
    }
    case AST_ARRAY_TYPE: {
        int64_t len;
        uint32_t e;
        if (n->u.array.len->kind == AST_ELLIPSIS) {
            ck_errorf(k, n->u.array.len, "invalid use of [...] array "
                                         "(outside a composite literal)");
            return 0;
        }
        len = array_len(k, n->u.array.len);
        e = typexpr(k, n->u.array.elem);
        if (len < 0 || !e)
            return 0;
        return type_array(p, e, len);
    }
    case AST_SLICE_TYPE: {
        uint32_t e = typexpr(k, n->u.slice_type.elem);
        return e ? type_slice(p, e) : 0;
    }
    case AST_MAP_TYPE: {
        uint32_t kt = typexpr(k, n->u.map.key);
        uint32_t vt = typexpr(k, n->u.map.value);
        if (!kt || !vt)
            return 0;
        if (ck_is_tparam(kt)) {
            /* its constraint may not be known yet: checked at the end */
            ck_later later;
            later.node = n->u.map.key;
            later.type = kt;
            VEC_PUSH(k->later_keys, later);
        } else if (!ck_comparable(k, kt)) {
            ck_errorf(k, n->u.map.key, "invalid map key type %s",
                      ck_tstr(k, kt));
            return 0;
        }
        return type_map(p, kt, vt);
    }
    case AST_CHAN_TYPE: {
        uint32_t e = typexpr(k, n->u.chan.elem);
        if (!e)
            return 0;
        return type_chan(p, e,
                         n->u.chan.dir == AST_CHAN_SEND   ? 1
                         : n->u.chan.dir == AST_CHAN_RECV ? 2
                                                          : 0);
    }
    case AST_FUNC_TYPE:
        return ck_signature(k, n, NULL);
    case AST_STRUCT_TYPE:
        return struct_type(k, n);
    case AST_INTERFACE_TYPE:
        return ck_iface_elements(k, n);
    default: {
        buf b;
        buf_init(&b);
        ck_expr_str(&b, n);
        ck_errorf(k, n, "%s is not a type", b.p ? b.p : "?");
        buf_fini(&b);
        return 0;
    }
    }
}

uint32_t ck_typexpr(checker *k, ast_node *n)
{
    uint32_t t = typexpr(k, n);
    if (t && n) {
        operand x;
        memset(&x, 0, sizeof x);
        x.mode = CK_TYPE;
        x.expr = n;
        x.type = t;
        ck_record(k, &x);
    }
    return t;
}

/* ---- look-up ------------------------------------------------------------------ */

typedef struct emb {
    uint32_t t;
    uint8_t npath;
    uint16_t path[CK_MAX_PATH];
    bool indirect, multiple;
} emb;

static ck_method *named_method(checker *k, uint32_t t, uint32_t name)
{
    ck_named *nm;
    if (!t || !prog_type(k->prog, t)->named)
        return NULL;
    ck_collect_methods(k, t);
    nm = ck_named_of(k, t);
    for (size_t i = 0; i < nm->methods.len; i++)
        if (nm->methods.p[i].name == name)
            return &nm->methods.p[i];
    return NULL;
}

uint32_t ck_iface_method(checker *k, uint32_t it, uint32_t name)
{
    const vm_type *ty = prog_type(k->prog, ck_under(k, it));
    for (uint32_t i = 0; i < ty->nimethods; i++)
        if (ty->imethods[i] == name)
            return ty->imtypes && ty->imtypes[i] ? ty->imtypes[i] : T_FUNC;
    return 0;
}

ck_selkind ck_lookup(checker *k, uint32_t t, bool addressable, uint32_t name,
                     ck_selection *sel, bool *ambiguous, bool *need_ptr)
{
    VEC(emb) cur = {0}, next = {0};
    VEC(uint32_t) seen = {0};
    emb e;
    ck_selkind found = SEL_NONE;
    bool is_ptr = false;
    *ambiguous = false;
    *need_ptr = false;
    memset(sel, 0, sizeof *sel);
    if (!t)
        return SEL_NONE;
    if (ck_is_tparam(t)) {
        /* the methods of its constraint */
        uint32_t mt = ck_iface_method(k, prog_type(k->prog, t)->elem, name);
        if (!mt)
            return SEL_NONE;
        sel->kind = SEL_IFACE_METHOD;
        sel->type = mt;
        sel->name = name;
        return SEL_IFACE_METHOD;
    }
    if (VM_KIND(t) == K_PTR && prog_type(k->prog, t)->named &&
        ck_under(k, t) != t) {
        /* a named pointer type: its fields, through the pointer, but no
         * methods (go.dev/issue/8590) */
        ck_selkind r = ck_lookup(k, ck_under(k, t), false, name, sel,
                                 ambiguous, need_ptr);
        if (r != SEL_FIELD) {
            *need_ptr = false;
            sel->kind = SEL_NONE;
            return SEL_NONE;
        }
        return r;
    }
    if (VM_KIND(t) == K_PTR && !prog_type(k->prog, t)->named) {
        t = prog_type(k->prog, t)->elem;
        is_ptr = true;
        if (ck_is_interface(k, t))
            return SEL_NONE; /* *I has no methods */
    }
    memset(&e, 0, sizeof e);
    e.t = t;
    e.indirect = is_ptr;
    VEC_PUSH(cur, e);
    while (cur.len && found == SEL_NONE) {
        next.len = 0;
        for (size_t ci = 0; ci < cur.len; ci++) {
            emb c = cur.p[ci];
            const vm_type *u;
            ck_method *m;
            bool dup = false;
            if (prog_type(k->prog, c.t)->named) {
                for (size_t j = 0; j < seen.len; j++)
                    if (seen.p[j] == c.t)
                        dup = true;
                if (dup)
                    continue;
                VEC_PUSH(seen, c.t);
            }
            m = named_method(k, c.t, name);
            if (m) {
                if (found != SEL_NONE || c.multiple) {
                    *ambiguous = true;
                    found = SEL_NONE;
                    goto done;
                }
                found = SEL_METHOD;
                sel->type = m->sig;
                sel->ptr_recv = m->ptr_recv;
                sel->decl = m->decl;
                sel->npath = c.npath;
                memcpy(sel->path, c.path, sizeof sel->path);
                sel->indirect = c.indirect;
                continue;
            }
            u = prog_type(k->prog, ck_under(k, c.t));
            if (VM_KIND(u->id) == K_STRUCT) {
                for (uint32_t i = 0; i < u->nfields; i++) {
                    const vm_field *f = &u->fields[i];
                    if (f->name == name) {
                        if (found != SEL_NONE || c.multiple) {
                            *ambiguous = true;
                            found = SEL_NONE;
                            goto done;
                        }
                        found = SEL_FIELD;
                        sel->type = f->type;
                        sel->npath = c.npath;
                        memcpy(sel->path, c.path, sizeof sel->path);
                        if (sel->npath < CK_MAX_PATH)
                            sel->path[sel->npath++] = (uint16_t)i;
                        sel->indirect = c.indirect;
                        continue;
                    }
                    if (found == SEL_NONE && f->embedded && f->type &&
                        c.npath + 1 < CK_MAX_PATH) {
                        emb ne = c;
                        uint32_t ft = f->type;
                        ne.multiple = c.multiple;
                        if (VM_KIND(ft) == K_PTR &&
                            !prog_type(k->prog, ft)->named) {
                            ft = prog_type(k->prog, ft)->elem;
                            ne.indirect = true;
                        }
                        ne.t = ft;
                        ne.path[ne.npath++] = (uint16_t)i;
                        VEC_PUSH(next, ne);
                    }
                }
            } else if (VM_KIND(u->id) == K_IFACE) {
                uint32_t mt = ck_iface_method(k, c.t, name);
                if (mt) {
                    if (found != SEL_NONE || c.multiple) {
                        *ambiguous = true;
                        found = SEL_NONE;
                        goto done;
                    }
                    found = SEL_IFACE_METHOD;
                    sel->type = mt;
                    sel->npath = c.npath;
                    memcpy(sel->path, c.path, sizeof sel->path);
                    sel->indirect = c.indirect;
                }
            }
        }
        if (found != SEL_NONE)
            break;
        /* consolidate: the same type twice at one depth is ambiguous */
        cur.len = 0;
        for (size_t i = 0; i < next.len; i++) {
            bool merged = false;
            for (size_t j = 0; j < cur.len; j++)
                if (cur.p[j].t == next.p[i].t) {
                    cur.p[j].multiple = true;
                    merged = true;
                    break;
                }
            if (!merged)
                VEC_PUSH(cur, next.p[i]);
        }
    }
    if (found == SEL_METHOD && sel->ptr_recv && !sel->indirect &&
        !addressable) {
        *need_ptr = true;
        found = SEL_NONE;
    }
done:
    sel->kind = found;
    sel->name = name;
    VEC_FREE(cur);
    VEC_FREE(next);
    VEC_FREE(seen);
    return found;
}

/* ---- interfaces ---------------------------------------------------------------- */

/* A method signature as types2 prints it in have/want lines: M(int) string */
static void method_str(checker *k, buf *b, uint32_t name, uint32_t sig)
{
    buf_puts(b, ck_name_str(k, name));
    if (sig && VM_KIND(sig) == K_FUNC)
        sig_str(k, b, prog_type(k->prog, sig), 0, 0);
    else
        buf_puts(b, "()");
}

bool ck_implements(checker *k, uint32_t t, uint32_t it, char *why,
                   size_t nwhy)
{
    const vm_type *iface;
    if (!t || !it)
        return true;
    iface = prog_type(k->prog, ck_under(k, it));
    if (why && nwhy)
        why[0] = 0;
    if (ck_is_interface(k, t) || ck_is_tparam(t)) {
        /* every method of it must be in t's method set */
        uint32_t ts = ck_is_tparam(t) ? prog_type(k->prog, t)->elem : t;
        for (uint32_t i = 0; i < iface->nimethods; i++) {
            uint32_t have = ck_iface_method(k, ts, iface->imethods[i]);
            uint32_t want = iface->imtypes ? iface->imtypes[i] : 0;
            if (!have) {
                if (why)
                    snprintf(why, nwhy, "%s does not implement %s (missing "
                                        "method %s)",
                             ck_tstr(k, t), ck_tstr(k, it),
                             ck_name_str(k, iface->imethods[i]));
                return false;
            }
            if (want && have != T_FUNC && have != want) {
                if (why) {
                    buf h, w;
                    buf_init(&h);
                    buf_init(&w);
                    method_str(k, &h, iface->imethods[i], have);
                    method_str(k, &w, iface->imethods[i], want);
                    snprintf(why, nwhy,
                             "%s does not implement %s (wrong type for method "
                             "%s)\n\t\thave %s\n\t\twant %s",
                             ck_tstr(k, t), ck_tstr(k, it),
                             ck_name_str(k, iface->imethods[i]), h.p, w.p);
                    buf_fini(&h);
                    buf_fini(&w);
                }
                return false;
            }
        }
        return true;
    }
    for (uint32_t i = 0; i < iface->nimethods; i++) {
        ck_selection sel;
        bool amb, need_ptr;
        uint32_t want = iface->imtypes ? iface->imtypes[i] : 0;
        ck_selkind sk = ck_lookup(k, t, false, iface->imethods[i], &sel, &amb,
                                  &need_ptr);
        /* the look-up may make types (a method set checked on first
         * use): the table may have moved */
        iface = prog_type(k->prog, ck_under(k, it));
        if (sk == SEL_METHOD || sk == SEL_IFACE_METHOD) {
            if (want && sel.type && sel.type != T_FUNC && sel.type != want) {
                if (why) {
                    buf h, w;
                    buf_init(&h);
                    buf_init(&w);
                    method_str(k, &h, iface->imethods[i], sel.type);
                    method_str(k, &w, iface->imethods[i], want);
                    snprintf(why, nwhy,
                             "%s does not implement %s (wrong type for method "
                             "%s)\n\t\thave %s\n\t\twant %s",
                             ck_tstr(k, t), ck_tstr(k, it),
                             ck_name_str(k, iface->imethods[i]), h.p, w.p);
                    buf_fini(&h);
                    buf_fini(&w);
                }
                return false;
            }
            continue;
        }
        if (why) {
            if (need_ptr)
                snprintf(why, nwhy, "%s does not implement %s (method %s has "
                                    "pointer receiver)",
                         ck_tstr(k, t), ck_tstr(k, it),
                         ck_name_str(k, iface->imethods[i]));
            else if (sk == SEL_FIELD)
                snprintf(why, nwhy, "%s does not implement %s (missing method "
                                    "%s)",
                         ck_tstr(k, t), ck_tstr(k, it),
                         ck_name_str(k, iface->imethods[i]));
            else
                snprintf(why, nwhy, "%s does not implement %s (missing method "
                                    "%s)",
                         ck_tstr(k, t), ck_tstr(k, it),
                         ck_name_str(k, iface->imethods[i]));
        }
        return false;
    }
    return true;
}

/* ---- assignability and conversions ----------------------------------------------- */

bool ck_assignable(checker *k, operand *x, uint32_t t, char *why, size_t nwhy)
{
    uint32_t v = x->type, vu, tu;
    if (why && nwhy)
        why[0] = 0;
    if (x->mode == CK_INVALID || !t || !v)
        return true; /* invalid or dynamic: no follow-up errors */
    if (v == t)
        return true;
    vu = ck_under(k, v);
    tu = ck_under(k, t);
    if (ck_is_tparam(t) && ck_is_untyped(v)) {
        /* representable by every type in t's type set */
        const vm_type *b = prog_type(k->prog, ck_under(k,
                                                       prog_type(k->prog, t)
                                                           ->elem));
        if (!b->has_terms || !b->nterms)
            return false;
        for (uint32_t i = 0; i < b->nterms; i++) {
            operand y = *x;
            if (!ck_assignable(k, &y, b->terms[i], NULL, 0))
                return false;
        }
        return true;
    }
    if (ck_is_untyped(v)) {
        if (v == T_UNIL)
            return ck_has_nil(k, t);
        if (VM_KIND(tu) == K_IFACE)
            return prog_type(k->prog, tu)->nimethods == 0 ||
                   ck_implements(k, ck_default(v), t, NULL, 0);
        if (x->mode == CK_CONST)
            return ck_representable(k, x, t, false);
        if (v == T_UBOOL)
            return ck_is_boolean(k, t);
        return ck_is_numeric(k, t);
    }
    /* identical underlying types and one of them unnamed */
    if (vu == tu && (!ck_is_named(k, v) || !ck_is_named(k, t)) &&
        !ck_is_tparam(v) && !ck_is_tparam(t))
        return true;
    if (ck_is_tparam(v) && VM_KIND(tu) == K_IFACE &&
        !prog_type(k->prog, tu)->has_terms)
        return ck_implements(k, v, t, why, nwhy);
    if (ck_is_tparam(t) || ck_is_tparam(v)) {
        /* unnamed into every term, or every term into unnamed */
        uint32_t tp = ck_is_tparam(t) ? t : v;
        uint32_t other = tp == t ? v : t;
        const vm_type *b = prog_type(k->prog, ck_under(k,
                                                       prog_type(k->prog, tp)
                                                           ->elem));
        if ((ck_is_tparam(t) && ck_is_tparam(v)) || ck_is_named(k, other) ||
            !b->has_terms || !b->nterms)
            return false;
        for (uint32_t i = 0; i < b->nterms; i++) {
            operand y = *x;
            if (tp == t) {
                if (!ck_assignable(k, &y, b->terms[i], NULL, 0))
                    return false;
            } else {
                y.type = b->terms[i];
                if (!ck_assignable(k, &y, t, NULL, 0))
                    return false;
            }
        }
        return true;
    }
    if (VM_KIND(tu) == K_IFACE) {
        if (ck_implements(k, v, t, why, nwhy))
            return true;
        return false;
    }
    if (VM_KIND(vu) == K_IFACE) {
        if (ck_implements(k, t, v, NULL, 0) && why)
            snprintf(why, nwhy, "need type assertion");
        return false;
    }
    /* a bidirectional channel into a channel type of the same element */
    if (VM_KIND(vu) == K_CHAN && VM_KIND(tu) == K_CHAN &&
        prog_type(k->prog, vu)->dir == 0 &&
        prog_type(k->prog, vu)->elem == prog_type(k->prog, tu)->elem)
        return !ck_is_named(k, v) || !ck_is_named(k, t);
    return false;
}

bool ck_convertible(checker *k, operand *x, uint32_t t)
{
    uint32_t v = x->type, vu, tu;
    vm_kind vk, tk;
    if (!v || !t)
        return true;
    if (ck_assignable(k, x, t, NULL, 0))
        return true;
    if (ck_is_tparam(v) || ck_is_tparam(t)) {
        /* every pair of terms converts */
        uint32_t tp = ck_is_tparam(v) ? v : t;
        const vm_type *b = prog_type(k->prog, ck_under(k,
                                                       prog_type(k->prog, tp)
                                                           ->elem));
        if (!b->has_terms || !b->nterms)
            return false;
        for (uint32_t i = 0; i < b->nterms; i++) {
            operand y = *x;
            if (tp == v) {
                y.type = b->terms[i];
                if (!ck_convertible(k, &y, t))
                    return false;
            } else if (!ck_convertible(k, &y, b->terms[i])) {
                return false;
            }
        }
        return true;
    }
    vu = ck_under(k, v);
    tu = ck_under(k, t);
    if (ck_is_untyped(v)) /* as its default type would */
        vu = ck_under(k, ck_default(v));
    /* identical underlying types (struct tags ignored) */
    if (vu == tu || identical_no_tags(k, vu, tu, 0))
        return true;
    /* unnamed pointer types with identical base underlying types */
    if (VM_KIND(v) == K_PTR && VM_KIND(t) == K_PTR &&
        !prog_type(k->prog, v)->named && !prog_type(k->prog, t)->named &&
        identical_no_tags(k, ck_under(k, prog_type(k->prog, v)->elem),
                          ck_under(k, prog_type(k->prog, t)->elem), 0))
        return true;
    if (ck_is_complex(k, vu) && ck_is_complex(k, tu))
        return true;
    vk = VM_KIND(vu);
    tk = VM_KIND(tu);
    if ((kind_is_int(vk) || kind_is_float(vk)) &&
        (kind_is_int(tk) || kind_is_float(tk)))
        return true;
    /* string conversions */
    if (tk == K_STRING) {
        if (kind_is_int(vk))
            return true;
        if (vk == K_SLICE) {
            vm_kind ek = VM_KIND(ck_under(k, prog_type(k->prog, vu)->elem));
            return ek == K_UINT8 || ek == K_INT32;
        }
    }
    if (vk == K_STRING && tk == K_SLICE) {
        vm_kind ek = VM_KIND(ck_under(k, prog_type(k->prog, tu)->elem));
        return ek == K_UINT8 || ek == K_INT32;
    }
    /* slice to array or array pointer (Go 1.17, 1.20) */
    if (vk == K_SLICE) {
        uint32_t se = prog_type(k->prog, vu)->elem;
        if (tk == K_ARRAY && prog_type(k->prog, tu)->elem == se)
            return true;
        if (tk == K_PTR) {
            uint32_t a = ck_under(k, prog_type(k->prog, tu)->elem);
            if (VM_KIND(a) == K_ARRAY && prog_type(k->prog, a)->elem == se)
                return true;
        }
    }
    /* unsafe.Pointer and uintptr */
    if ((v == T_UPTR && (tk == K_UINTPTR || tk == K_PTR)) ||
        (t == T_UPTR && (vk == K_UINTPTR || vk == K_PTR)))
        return true;
    return false;
}
