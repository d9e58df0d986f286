/* check_str.c: Go-syntax strings of types, expressions and operands for the
 * checker's messages (check_int.h), after go/types' typestring.go and
 * exprstring.go. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/lang/check_int.h"

/* ---- strings --------------------------------------------------------------- */

static void type_str(checker *k, buf *b, uint32_t t, int depth);

void ck_sig_str(checker *k, buf *b, const vm_type *f, uint32_t skip,
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
        ck_sig_str(k, b, ty, 0, depth);
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
                ck_sig_str(k, b, prog_type(k->prog, ty->imtypes[i]), 0,
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

const char *ck_estr(checker *k, const ast_node *n)
{
    buf b;
    char *s;
    buf_init(&b);
    ck_expr_str(&b, n);
    s = arena_strdup(&k->mem, b.p ? b.p : "");
    buf_fini(&b);
    return s;
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
