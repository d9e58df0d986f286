/* parse_expr.c: expressions and type expressions (see parse_int.h). Types
 * and values share one syntax in Go (conversions T(x), composite literals,
 * method expressions), so operands may be types; the resolver decides. */
#include "sim/lang/parse_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- literals and operands --------------------------------------------- */

static const char *spelling(parser *p)
{
    return arena_strndup(p->mem, (const char *)p->lx.src + p->tok.off,
                         p->tok.len);
}

static ast_node *basic_lit(parser *p)
{
    ast_node *n;
    switch (p->tok.kind) {
    case TK_INT:
        n = parse_node(p, AST_INT_LIT);
        n->u.int_lit.value = p->tok.val.i;
        n->u.int_lit.overflow = p->tok.overflow;
        n->u.int_lit.text = spelling(p);
        break;
    case TK_FLOAT:
        n = parse_node(p, AST_FLOAT_LIT);
        n->u.float_lit.value = p->tok.val.f;
        n->u.float_lit.overflow = p->tok.overflow;
        n->u.float_lit.text = spelling(p);
        break;
    case TK_RUNE:
        n = parse_node(p, AST_RUNE_LIT);
        n->u.rune_lit.value = p->tok.val.r;
        n->u.rune_lit.text = spelling(p);
        break;
    default:
        n = parse_node(p, AST_STRING_LIT);
        n->u.string_lit.bytes = p->tok.val.s.p;
        n->u.string_lit.len = p->tok.val.s.n;
        break;
    }
    parse_next(p);
    return n;
}

static ast_node *unparen(ast_node *x)
{
    while (x->kind == AST_PAREN)
        x = x->u.paren.x;
    return x;
}

/* gc's isValue: x must be a value, not a type. */
static bool is_value(const ast_node *x)
{
    switch (x->kind) {
    case AST_INT_LIT:
    case AST_FLOAT_LIT:
    case AST_RUNE_LIT:
    case AST_STRING_LIT:
    case AST_COMPOSITE_LIT:
    case AST_FUNC_LIT:
    case AST_SLICE:
    case AST_TYPE_ASSERT:
    case AST_CALL:
    case AST_UNARY:
    case AST_BINARY:
        return true;
    case AST_PAREN:
        return is_value(x->u.paren.x);
    case AST_INDEX:
        return is_value(x->u.index.x) || is_value(x->u.index.index);
    default:
        return false;
    }
}

static ast_node *func_type_or_lit(parser *p)
{
    int line = p->tok.line, col = p->tok.col;
    ast_node *ft;
    parse_next(p); /* func */
    if (p->tok.kind == TK_LBRACK) {
        parse_syntax_error(p, "function type must have no type parameters");
        return parse_bad(p);
    }
    ft = parse_signature(p, line, col);
    if (p->tok.kind == TK_LBRACE) {
        ast_node *f = parse_node_at(p, AST_FUNC_LIT, line, col);
        p->xnest++;
        f->u.func_lit.type = ft;
        f->u.func_lit.body = parse_func_body(p);
        p->xnest--;
        return f;
    }
    return ft;
}

/* [...]T is the type of a composite literal only (gc's type checker says
 * so; weft says it while parsing). */
static void dots_error(parser *p, const ast_node *at)
{
    parse_error_at(p, at->line, at->col,
                   "invalid use of [...] array (outside a composite "
                   "literal)");
}

static ast_node *operand(parser *p)
{
    switch (p->tok.kind) {
    case TK_IDENT:
        return parse_name(p);
    case TK_INT:
    case TK_FLOAT:
    case TK_RUNE:
    case TK_STRING:
        return basic_lit(p);
    case TK_LPAREN: {
        /* Parentheses are kept: the compiler needs (x) := 1 and (T).m. */
        ast_node *n = parse_node(p, AST_PAREN);
        parse_next(p);
        p->xnest++;
        n->u.paren.x = parse_expr(p);
        p->xnest--;
        parse_want(p, TK_RPAREN);
        return n;
    }
    case TK_FUNC:
        return func_type_or_lit(p);
    case TK_LBRACK: {
        ast_node *t;
        p->dots_ok = true;
        t = parse_type(p);
        p->dots_ok = false;
        if (t->kind == AST_ARRAY_TYPE && t->u.array.len &&
            t->u.array.len->kind == AST_ELLIPSIS && p->tok.kind != TK_LBRACE)
            dots_error(p, t);
        return t;
    }
    case TK_CHAN:
    case TK_MAP:
    case TK_STRUCT:
    case TK_INTERFACE:
        return parse_type(p);
    default:
        parse_syntax_error(p, "expected expression");
        return parse_bad(p);
    }
}

/* ---- composite literals ------------------------------------------------ */

static ast_node *literal_value(parser *p);

/* Element = Expression | LiteralValue (type elided). */
static ast_node *element(parser *p)
{
    if (p->tok.kind == TK_LBRACE) return literal_value(p);
    return parse_expr(p);
}

static bool literal_elem(parser *p, void *ctx)
{
    ast_node *e = element(p);
    (void)ctx;
    if (p->tok.kind == TK_COLON) {
        ast_node *kv = parse_node(p, AST_KEY_VALUE);
        parse_next(p);
        kv->u.kv.key = e;
        kv->u.kv.value = element(p);
        e = kv;
    }
    parse_push(p, e);
    return false;
}

/* LiteralValue = "{" [ ElementList [ "," ] ] "}"; the caller sets type. */
static ast_node *literal_value(parser *p)
{
    ast_node *n = parse_node(p, AST_COMPOSITE_LIT);
    size_t m;
    if (!parse_enter(p)) return n;
    m = parse_mark(p);
    p->xnest++;
    parse_want(p, TK_LBRACE);
    parse_list(p, "composite literal", TK_COMMA, TK_RBRACE, literal_elem, NULL,
               &n->u.composite.rbrace_line, &n->u.composite.rbrace_col);
    p->xnest--;
    n->u.composite.elts = parse_collect(p, m);
    parse_leave(p);
    return n;
}

/* ---- primary and unary expressions ------------------------------------- */

static bool arg_elem(parser *p, void *ctx)
{
    bool *spread = ctx;
    parse_push(p, parse_expr(p));
    *spread = parse_got(p, TK_ELLIPSIS);
    return *spread;
}

static ast_node *index_or_slice(parser *p, ast_node *x)
{
    int line = p->tok.line, col = p->tok.col;
    ast_node *i = NULL, *s;
    parse_next(p); /* [ */
    if (p->tok.kind != TK_COLON) {
        if (p->tok.kind == TK_RBRACK) {
            parse_syntax_error(p, "expected operand");
            return parse_bad(p);
        }
        p->xnest++;
        i = parse_expr(p);
        p->xnest--;
        if (p->tok.kind == TK_COMMA) {
            /* an instantiation f[A, B] (gc's typeList) */
            ast_node *n = parse_node_at(p, AST_INDEX, line, col);
            size_t m = parse_mark(p);
            p->xnest++;
            while (parse_got(p, TK_COMMA)) {
                ast_node *t = parse_type_or_null(p);
                if (!t)
                    break;
                parse_push(p, t);
            }
            p->xnest--;
            n->u.index.x = x;
            n->u.index.index = i;
            n->u.index.more = parse_collect(p, m);
            parse_want(p, TK_RBRACK);
            return n;
        }
        if (parse_got(p, TK_RBRACK)) {
            ast_node *n = parse_node_at(p, AST_INDEX, line, col);
            n->u.index.x = x;
            n->u.index.index = i;
            return n;
        }
    }
    if (!parse_got(p, TK_COLON)) {
        parse_syntax_error(p, "expected comma, : or ]");
        return parse_bad(p);
    }
    p->xnest++;
    s = parse_node_at(p, AST_SLICE, line, col);
    s->u.slice.x = x;
    s->u.slice.lo = i;
    if (p->tok.kind != TK_COLON && p->tok.kind != TK_RBRACK)
        s->u.slice.hi = parse_expr(p);
    if (p->tok.kind == TK_COLON) {
        s->u.slice.three = true;
        if (!s->u.slice.hi)
            parse_error_at(p, p->tok.line, p->tok.col,
                           "middle index required in 3-index slice");
        parse_next(p);
        if (p->tok.kind != TK_RBRACK)
            s->u.slice.max = parse_expr(p);
        else
            parse_error_at(p, p->tok.line, p->tok.col,
                           "final index required in 3-index slice");
    }
    p->xnest--;
    parse_want(p, TK_RBRACK);
    return s;
}

/* base is the depth of the unary expression holding this primary
 * expression (the guard check of x.(type) compares it). */
static ast_node *selector_or_assert(parser *p, ast_node *x, int base)
{
    int line = p->tok.line, col = p->tok.col;
    ast_node *n;
    parse_next(p); /* . */
    if (p->tok.kind == TK_IDENT) {
        n = parse_node_at(p, AST_SELECTOR, line, col);
        n->u.selector.x = x;
        n->u.selector.sel = parse_name(p);
        return n;
    }
    if (p->tok.kind != TK_LPAREN) {
        parse_syntax_error(p, "expected name or (");
        return parse_bad(p);
    }
    parse_next(p);
    n = parse_node_at(p, AST_TYPE_ASSERT, line, col);
    n->u.type_assert.x = x;
    if (parse_got(p, TK_TYPE)) {
        /* x.(type): legal only as a type switch guard (parse_stmt.c sets
         * guard_depth while parsing a switch header). */
        if (base != p->guard_depth) {
            parse_error_at(p, line, col, "use of .(type) outside type switch");
            return n;
        }
        p->guard_count++;
        p->guard_node = n;
    } else {
        n->u.type_assert.type = parse_type(p);
    }
    parse_want(p, TK_RPAREN);
    return n;
}

ast_node *parse_primary_expr(parser *p, ast_node *x)
{
    int levels = 0, base = p->depth;
    if (!x) x = operand(p);
    /* Each suffix adds a level to the tree (a.b.c is left-deep), so it
     * counts against the depth limit like nesting does. */
    while (!p->failed) {
        switch (p->tok.kind) {
        case TK_PERIOD:
        case TK_LBRACK:
        case TK_LPAREN:
        case TK_LBRACE:
            if (!parse_enter(p)) goto out;
            levels++;
            break;
        default:
            goto out;
        }
        switch (p->tok.kind) {
        case TK_PERIOD:
            x = selector_or_assert(p, x, base);
            break;
        case TK_LBRACK:
            x = index_or_slice(p, x);
            break;
        case TK_LPAREN: {
            ast_node *c = parse_node(p, AST_CALL);
            size_t m = parse_mark(p);
            parse_next(p);
            c->u.call.fn = x;
            p->xnest++;
            parse_list(p, "argument list", TK_COMMA, TK_RPAREN, arg_elem,
                       &c->u.call.spread, NULL, NULL);
            p->xnest--;
            c->u.call.args = parse_collect(p, m);
            x = c;
            break;
        }
        case TK_LBRACE: {
            /* A composite literal or the block after a control clause:
             * gc's rule (xnest < 0 inside if/for/switch headers). */
            ast_node *t = unparen(x), *lit;
            bool ok = false;
            switch (t->kind) {
            case AST_IDENT:
            case AST_SELECTOR:
                ok = p->xnest >= 0;
                break;
            case AST_INDEX:
                ok = p->xnest >= 0 && !is_value(t);
                break;
            case AST_ARRAY_TYPE:
            case AST_SLICE_TYPE:
            case AST_STRUCT_TYPE:
            case AST_MAP_TYPE:
                ok = true;
                break;
            default:
                break;
            }
            if (!ok) goto out;
            if (t != x) {
                parse_syntax_error(p, "cannot parenthesize type in composite "
                                      "literal");
                goto out;
            }
            lit = literal_value(p);
            lit->u.composite.type = x;
            x = lit;
            break;
        }
        default:
            goto out;
        }
    }
out:
    p->depth -= levels;
    return x;
}

/* <-(chan E) parsed as a receive: re-associate into (<-chan E) (gc). */
static ast_node *recv_chan_type(parser *p, ast_node *x)
{
    ast_node *t = x;
    ast_chan_dir dir = AST_CHAN_SEND;
    while (dir == AST_CHAN_SEND) {
        if (t->kind != AST_CHAN_TYPE) break;
        dir = t->u.chan.dir;
        if (dir == AST_CHAN_RECV) {
            parse_syntax_error(p, "unexpected <-, expected chan");
            return x;
        }
        t->u.chan.dir = AST_CHAN_RECV;
        t = t->u.chan.elem;
    }
    if (dir == AST_CHAN_SEND) {
        buf b;
        buf_init(&b);
        parse_format(&b, t);
        parse_syntax_error(p, "unexpected %s, expected chan", b.p);
        buf_fini(&b);
    }
    return x;
}

static ast_node *unary_inner(parser *p)
{
    ast_node *n;
    switch (p->tok.kind) {
    case TK_ADD:
    case TK_SUB:
    case TK_NOT:
    case TK_XOR:
    case TK_AND:
        n = parse_node(p, AST_UNARY);
        n->u.unary.op = p->tok.kind;
        parse_next(p);
        n->u.unary.x = parse_unary_expr(p);
        if (n->u.unary.op == TK_AND)
            n->u.unary.x = unparen(n->u.unary.x); /* &(T{}) as gc */
        return n;
    case TK_MUL:
        n = parse_node(p, AST_STAR);
        parse_next(p);
        n->u.star.x = parse_unary_expr(p);
        return n;
    case TK_TILDE:
        n = parse_node(p, AST_UNARY);
        n->u.unary.op = TK_TILDE;
        parse_next(p);
        n->u.unary.x = parse_unary_expr(p);
        return n;
    case TK_ARROW: {
        ast_node *x;
        n = parse_node(p, AST_UNARY);
        parse_next(p);
        x = parse_unary_expr(p);
        if (x->kind == AST_CHAN_TYPE) return recv_chan_type(p, x);
        n->u.unary.op = TK_ARROW;
        n->u.unary.x = x;
        return n;
    }
    default:
        return parse_primary_expr(p, NULL);
    }
}

ast_node *parse_unary_expr(parser *p)
{
    ast_node *n;
    if (!parse_enter(p)) return parse_bad(p);
    n = unary_inner(p);
    parse_leave(p);
    return n;
}

ast_node *parse_binary_expr(parser *p, ast_node *x, int prec)
{
    int q, levels = 0;
    if (!x) x = parse_unary_expr(p);
    /* a + b + c is left-deep: each operator is a level of the tree. */
    while ((q = lex_precedence(p->tok.kind)) > prec && !p->failed) {
        ast_node *b;
        if (!parse_enter(p)) break;
        levels++;
        b = parse_node(p, AST_BINARY);
        b->u.binary.op = p->tok.kind;
        parse_next(p);
        b->u.binary.x = x;
        b->u.binary.y = parse_binary_expr(p, NULL, q);
        x = b;
    }
    p->depth -= levels;
    return x;
}

ast_node *parse_expr(parser *p)
{
    return parse_binary_expr(p, NULL, 0);
}

ast_list parse_expr_list(parser *p)
{
    size_t m = parse_mark(p);
    parse_push(p, parse_expr(p));
    while (parse_got(p, TK_COMMA))
        parse_push(p, parse_expr(p));
    return parse_collect(p, m);
}

/* ---- types ------------------------------------------------------------- */

/* typ[T1, T2, ...]: type arguments (gc's typeInstance). */
static ast_node *type_instance(parser *p, ast_node *typ)
{
    ast_node *n = parse_node(p, AST_INDEX);
    size_t m;
    parse_next(p); /* [ */
    n->u.index.x = typ;
    if (p->tok.kind == TK_RBRACK) {
        parse_syntax_error(p, "expected type argument list");
        return n;
    }
    p->xnest++;
    n->u.index.index = parse_type(p);
    m = parse_mark(p);
    while (parse_got(p, TK_COMMA)) {
        ast_node *t = parse_type_or_null(p);
        if (!t)
            break;
        parse_push(p, t);
    }
    n->u.index.more = parse_collect(p, m);
    p->xnest--;
    parse_want(p, TK_RBRACK);
    return n;
}

ast_node *parse_qualified_name(parser *p, ast_node *name)
{
    ast_node *x = name ? name : parse_name(p);
    if (p->tok.kind == TK_PERIOD) {
        ast_node *s = parse_node(p, AST_SELECTOR);
        parse_next(p);
        s->u.selector.x = x;
        s->u.selector.sel = parse_name(p);
        x = s;
    }
    if (p->tok.kind == TK_LBRACK)
        x = type_instance(p, x);
    return x;
}

ast_node *parse_array_or_targs(parser *p)
{
    /* x [n]E or x []E (a field or parameter of array or slice type), or
     * x[A, B] (an instantiated type: an AST_INDEX whose x the caller sets)
     * (gc's arrayOrTArgs) */
    int line = p->tok.line, col = p->tok.col;
    ast_node *n, *elem, *first;
    size_t m;
    bool comma = false;
    parse_next(p); /* [ */
    if (parse_got(p, TK_RBRACK)) {
        n = parse_node_at(p, AST_SLICE_TYPE, line, col);
        n->u.slice_type.elem = parse_type(p);
        return n;
    }
    if (p->tok.kind == TK_ELLIPSIS) {
        n = parse_node_at(p, AST_ARRAY_TYPE, line, col);
        dots_error(p, n);
        return n;
    }
    p->xnest++;
    first = parse_expr(p);
    m = parse_mark(p);
    if (parse_got(p, TK_COMMA)) {
        ast_node *t;
        comma = true;
        while ((t = parse_type_or_null(p))) {
            parse_push(p, t);
            if (!parse_got(p, TK_COMMA))
                break;
        }
    }
    p->xnest--;
    parse_want(p, TK_RBRACK);
    if (!comma && (elem = parse_type_or_null(p))) {
        parse_collect(p, m);
        n = parse_node_at(p, AST_ARRAY_TYPE, line, col);
        n->u.array.len = first;
        n->u.array.elem = elem;
        return n;
    }
    n = parse_node_at(p, AST_INDEX, line, col);
    n->u.index.index = first;
    n->u.index.more = parse_collect(p, m);
    return n;
}

static ast_node *chan_elem(parser *p)
{
    ast_node *t = parse_type_or_null(p);
    if (!t) {
        parse_syntax_error(p, "missing channel element type");
        t = parse_bad(p);
    }
    return t;
}

static bool field_decl(parser *p, void *ctx)
{
    ast_node *f = parse_node(p, AST_FIELD);
    (void)ctx;
    switch (p->tok.kind) {
    case TK_IDENT: {
        ast_node *name = parse_name(p);
        lex_kind k = p->tok.kind;
        if (k == TK_PERIOD || k == TK_STRING || k == TK_SEMICOLON ||
            k == TK_RBRACE) {
            f->u.field.type = parse_qualified_name(p, name); /* embedded */
        } else {
            size_t m = parse_mark(p);
            parse_push(p, name);
            while (parse_got(p, TK_COMMA))
                parse_push(p, parse_name(p));
            f->u.field.names = parse_collect(p, m);
            if (f->u.field.names.n == 1 && p->tok.kind == TK_LBRACK) {
                ast_node *t = parse_array_or_targs(p);
                if (t->kind == AST_INDEX) { /* embedded T[A] */
                    t->u.index.x = name;
                    f->u.field.names.n = 0;
                    f->u.field.names.v = NULL;
                }
                f->u.field.type = t;
            } else {
                f->u.field.type = parse_type(p);
            }
        }
        break;
    }
    case TK_MUL: {
        ast_node *s = parse_node(p, AST_STAR);
        parse_next(p);
        if (p->tok.kind == TK_LPAREN) {
            parse_syntax_error(p, "cannot parenthesize embedded type");
            return true;
        }
        s->u.star.x = parse_qualified_name(p, NULL);
        f->u.field.type = s;
        break;
    }
    case TK_LPAREN:
        parse_syntax_error(p, "cannot parenthesize embedded type");
        return true;
    default:
        parse_syntax_error(p, "expected field name or embedded type");
        return true;
    }
    if (p->tok.kind == TK_STRING) {
        ast_node *tag = parse_node(p, AST_STRING_LIT);
        tag->u.string_lit.bytes = p->tok.val.s.p;
        tag->u.string_lit.len = p->tok.val.s.n;
        f->u.field.tag = tag;
        parse_next(p);
    }
    parse_push(p, f);
    return false;
}

/* EmbeddedTerm = [ "~" ] Type. */
static ast_node *embedded_term(parser *p)
{
    ast_node *t;
    if (p->tok.kind == TK_TILDE) {
        ast_node *n = parse_node(p, AST_UNARY);
        n->u.unary.op = TK_TILDE;
        parse_next(p);
        n->u.unary.x = parse_type(p);
        return n;
    }
    t = parse_type_or_null(p);
    if (!t) {
        parse_syntax_error(p, "expected ~ term or type");
        return parse_bad(p);
    }
    return t;
}

/* EmbeddedTerm { "|" EmbeddedTerm }: a union (AST_BINARY with TK_OR). */
static ast_node *union_of(parser *p, ast_node *x)
{
    while (p->tok.kind == TK_OR && !p->failed) {
        ast_node *b = parse_node(p, AST_BINARY);
        b->u.binary.op = TK_OR;
        parse_next(p);
        b->u.binary.x = x;
        b->u.binary.y = embedded_term(p);
        x = b;
    }
    return x;
}

ast_node *parse_constraint(parser *p)
{
    return union_of(p, embedded_term(p));
}

static bool interface_elem(parser *p, void *ctx)
{
    ast_node *f = parse_node(p, AST_FIELD);
    (void)ctx;
    if (p->tok.kind == TK_IDENT) {
        ast_node *name = parse_name(p);
        if (p->tok.kind == TK_LPAREN) {
            size_t m = parse_mark(p);
            parse_push(p, name);
            f->u.field.names = parse_collect(p, m);
            f->u.field.type = parse_signature(p, name->line, name->col);
            parse_push(p, f);
            return false;
        }
        f->u.field.type = parse_qualified_name(p, name);
    } else {
        f->u.field.type = embedded_term(p);
    }
    f->u.field.type = union_of(p, f->u.field.type);
    parse_push(p, f);
    return false;
}

static ast_node *type_inner(parser *p)
{
    int line = p->tok.line, col = p->tok.col;
    ast_node *n;
    size_t m;
    bool dots_ok = p->dots_ok;
    p->dots_ok = false;
    switch (p->tok.kind) {
    case TK_MUL:
        n = parse_node(p, AST_STAR);
        parse_next(p);
        n->u.star.x = parse_type(p);
        return n;
    case TK_ARROW:
        n = parse_node(p, AST_CHAN_TYPE);
        parse_next(p);
        parse_want(p, TK_CHAN);
        n->u.chan.dir = AST_CHAN_RECV;
        n->u.chan.elem = chan_elem(p);
        return n;
    case TK_FUNC:
        parse_next(p);
        if (p->tok.kind == TK_LBRACK) {
            parse_syntax_error(p, "function type must have no type "
                                  "parameters");
            return parse_bad(p);
        }
        return parse_signature(p, line, col);
    case TK_LBRACK:
        parse_next(p);
        if (parse_got(p, TK_RBRACK)) {
            n = parse_node_at(p, AST_SLICE_TYPE, line, col);
            n->u.slice_type.elem = parse_type(p);
            return n;
        }
        n = parse_node_at(p, AST_ARRAY_TYPE, line, col);
        if (p->tok.kind == TK_ELLIPSIS) {
            if (!dots_ok) {
                dots_error(p, n);
                return n;
            }
            n->u.array.len = parse_node(p, AST_ELLIPSIS);
            parse_next(p);
        } else {
            p->xnest++;
            n->u.array.len = parse_expr(p);
            p->xnest--;
        }
        if (p->tok.kind == TK_COMMA) {
            parse_syntax_error(p, "unexpected comma; expected ]");
            return n;
        }
        parse_want(p, TK_RBRACK);
        n->u.array.elem = parse_type(p);
        return n;
    case TK_CHAN:
        n = parse_node(p, AST_CHAN_TYPE);
        parse_next(p);
        if (parse_got(p, TK_ARROW)) n->u.chan.dir = AST_CHAN_SEND;
        n->u.chan.elem = chan_elem(p);
        return n;
    case TK_MAP:
        n = parse_node(p, AST_MAP_TYPE);
        parse_next(p);
        parse_want(p, TK_LBRACK);
        n->u.map.key = parse_type(p);
        parse_want(p, TK_RBRACK);
        n->u.map.value = parse_type(p);
        return n;
    case TK_STRUCT:
        n = parse_node(p, AST_STRUCT_TYPE);
        m = parse_mark(p);
        parse_next(p);
        parse_want(p, TK_LBRACE);
        parse_list(p, "struct type", TK_SEMICOLON, TK_RBRACE, field_decl, NULL,
                   NULL, NULL);
        n->u.struct_type.fields = parse_collect(p, m);
        return n;
    case TK_INTERFACE:
        n = parse_node(p, AST_INTERFACE_TYPE);
        m = parse_mark(p);
        parse_next(p);
        parse_want(p, TK_LBRACE);
        parse_list(p, "interface type", TK_SEMICOLON, TK_RBRACE, interface_elem,
                   NULL, NULL, NULL);
        n->u.interface_type.methods = parse_collect(p, m);
        return n;
    case TK_IDENT:
        return parse_qualified_name(p, NULL);
    case TK_LPAREN:
        parse_next(p);
        n = parse_type(p);
        parse_want(p, TK_RPAREN);
        return n;
    default:
        return NULL;
    }
}

ast_node *parse_type_or_null(parser *p)
{
    ast_node *n;
    if (!parse_enter(p)) return parse_bad(p);
    n = type_inner(p);
    parse_leave(p);
    return n;
}

ast_node *parse_type(parser *p)
{
    ast_node *t = parse_type_or_null(p);
    if (!t) {
        parse_syntax_error(p, "expected type");
        t = parse_bad(p);
    }
    return t;
}

/* ---- parameters and signatures ----------------------------------------- */

/* gc's paramDeclOrNil: one of "name", "name Type", "Type", "name ...Type",
 * "...Type" as an AST_FIELD with 0 or 1 names and a possibly NULL type. */
static bool param_decl(parser *p, void *ctx)
{
    ast_node *f = parse_node(p, AST_FIELD), *name = NULL;
    (void)ctx;
    if (p->tok.kind == TK_IDENT) {
        name = parse_name(p);
        if (p->tok.kind == TK_PERIOD) {
            /* pkg.T: a type */
            f->u.field.type = parse_qualified_name(p, name);
            parse_push(p, f);
            return false;
        }
        {
            size_t m = parse_mark(p);
            parse_push(p, name);
            f->u.field.names = parse_collect(p, m);
        }
        if (p->tok.kind == TK_LBRACK) {
            /* name [N]E or name []E, or a type name[A, B] */
            ast_node *t = parse_array_or_targs(p);
            if (t->kind == AST_INDEX) {
                t->u.index.x = name;
                f->u.field.names.n = 0;
                f->u.field.names.v = NULL;
            }
            f->u.field.type = t;
            parse_push(p, f);
            return false;
        }
    }
    if (p->tok.kind == TK_ELLIPSIS) {
        ast_node *e = parse_node(p, AST_ELLIPSIS);
        parse_next(p);
        e->u.ellipsis.elt = parse_type_or_null(p);
        if (!e->u.ellipsis.elt) {
            parse_syntax_error(p, "... is missing type");
            return true;
        }
        f->u.field.type = e;
    } else {
        f->u.field.type = parse_type_or_null(p);
    }
    if (!name && !f->u.field.type) {
        parse_syntax_error(p, "expected )");
        return true;
    }
    parse_push(p, f);
    return false;
}

/* Distribute types over grouped names ("a, b int") and merge such runs into
 * one AST_FIELD; a list without any "name Type" is a list of types. */
static ast_list group_params(parser *p, ast_list l)
{
    size_t i, named = 0, m;
    ast_node *typ = NULL;
    int eline = 0, ecol = 0;
    for (i = 0; i < l.n; i++)
        if (l.v[i]->u.field.names.n && l.v[i]->u.field.type) named++;
    if (named == 0) {
        for (i = 0; i < l.n; i++) {
            ast_node *f = l.v[i];
            if (f->u.field.names.n) {
                f->u.field.type = f->u.field.names.v[0];
                f->u.field.names.n = 0;
                f->u.field.names.v = NULL;
            }
        }
    } else if (named != l.n) {
        for (i = l.n; i-- > 0;) {
            ast_node *f = l.v[i];
            if (f->u.field.type) {
                typ = f->u.field.type;
                if (!f->u.field.names.n) eline = typ->line, ecol = typ->col;
            } else if (typ) {
                f->u.field.type = typ;
            } else {
                eline = f->line, ecol = f->col;
            }
        }
        if (eline) {
            parse_syntax_error_at(p, eline, ecol,
                                  "mixed named and unnamed parameters");
            return l;
        }
    }
    /* Merge consecutive named fields sharing one type node. */
    m = parse_mark(p);
    for (i = 0; i < l.n;) {
        ast_node *f = l.v[i];
        size_t j = i + 1, k, mn;
        while (j < l.n && f->u.field.names.n &&
               l.v[j]->u.field.type == f->u.field.type)
            j++;
        if (j > i + 1) {
            mn = parse_mark(p);
            for (k = i; k < j; k++)
                parse_push(p, l.v[k]->u.field.names.v[0]);
            f->u.field.names = parse_collect(p, mn);
        }
        parse_push(p, f);
        i = j;
    }
    return parse_collect(p, m);
}

ast_list parse_tparams(parser *p, ast_node *first, ast_node *first_type)
{
    /* entries "name [constraint]", the constraint distributed backwards
     * over the names before it ("K, V any") */
    VEC(ast_node *) names = {0};
    VEC(ast_node *) types = {0};
    size_t m;
    ast_list out;
    for (;;) {
        ast_node *name, *t = NULL;
        if (first) {
            name = first;
            t = first_type;
            first = NULL;
        } else {
            if (p->tok.kind != TK_IDENT) {
                parse_syntax_error(p, "expected type parameter name");
                break;
            }
            name = parse_name(p);
        }
        if (!t && p->tok.kind != TK_COMMA && p->tok.kind != TK_RBRACK)
            t = parse_constraint(p);
        else if (t && p->tok.kind == TK_OR)
            t = union_of(p, t);
        VEC_PUSH(names, name);
        VEC_PUSH(types, t);
        if (p->failed || !parse_got(p, TK_COMMA))
            break;
        if (p->tok.kind == TK_RBRACK)
            break;
    }
    parse_want(p, TK_RBRACK);
    m = parse_mark(p);
    if (!p->failed && names.len && !types.p[names.len - 1])
        parse_syntax_error_at(p, names.p[names.len - 1]->line,
                              names.p[names.len - 1]->col,
                              "missing type constraint");
    for (size_t i = 0; i < names.len && !p->failed;) {
        size_t j = i;
        ast_node *f;
        size_t mn;
        while (j < names.len && !types.p[j])
            j++;
        if (j == names.len)
            break;
        f = parse_node_at(p, AST_FIELD, names.p[i]->line, names.p[i]->col);
        mn = parse_mark(p);
        for (size_t k = i; k <= j; k++)
            parse_push(p, names.p[k]);
        f->u.field.names = parse_collect(p, mn);
        f->u.field.type = types.p[j];
        parse_push(p, f);
        i = j + 1;
    }
    out = parse_collect(p, m);
    VEC_FREE(names);
    VEC_FREE(types);
    return out;
}

/* A variadic parameter must be the final one. */
static void check_variadic(parser *p, ast_list l, bool results)
{
    size_t i;
    for (i = 0; i < l.n; i++) {
        const ast_node *f = l.v[i];
        if (f->u.field.type && f->u.field.type->kind == AST_ELLIPSIS &&
            (results || i + 1 < l.n || f->u.field.names.n > 1)) {
            parse_error_at(p, f->u.field.type->line, f->u.field.type->col,
                           "can only use ... with final parameter in list");
            return;
        }
    }
}

ast_list parse_params(parser *p)
{
    size_t m = parse_mark(p);
    ast_list l;
    parse_list(p, "parameter list", TK_COMMA, TK_RPAREN, param_decl, NULL, NULL,
               NULL);
    l = parse_collect(p, m);
    if (p->failed || l.n == 0) return l;
    return group_params(p, l);
}

ast_node *parse_signature(parser *p, int line, int col)
{
    ast_node *ft = parse_node_at(p, AST_FUNC_TYPE, line, col);
    parse_want(p, TK_LPAREN);
    ft->u.func_type.params = parse_params(p);
    check_variadic(p, ft->u.func_type.params, false);
    if (parse_got(p, TK_LPAREN)) {
        ft->u.func_type.results = parse_params(p);
    } else {
        ast_node *t;
        int tl = p->tok.line, tc = p->tok.col;
        t = parse_type_or_null(p);
        if (t) {
            ast_node *f = parse_node_at(p, AST_FIELD, tl, tc);
            size_t m = parse_mark(p);
            f->u.field.type = t;
            parse_push(p, f);
            ft->u.func_type.results = parse_collect(p, m);
        }
    }
    check_variadic(p, ft->u.func_type.results, true);
    return ft;
}

/* ---- Go syntax for messages -------------------------------------------- */

static void fmt_list(buf *out, ast_list l)
{
    size_t i;
    for (i = 0; i < l.n; i++) {
        if (i) buf_puts(out, ", ");
        parse_format(out, l.v[i]);
    }
}

void parse_format(buf *out, const ast_node *n)
{
    if (!n || out->len > 200) {
        buf_puts(out, "…");
        return;
    }
    switch (n->kind) {
    case AST_IDENT:
        buf_puts(out, n->u.ident.name);
        break;
    case AST_INT_LIT:
        buf_puts(out, n->u.int_lit.text);
        break;
    case AST_FLOAT_LIT:
        buf_puts(out, n->u.float_lit.text);
        break;
    case AST_RUNE_LIT:
        buf_puts(out, n->u.rune_lit.text);
        break;
    case AST_STRING_LIT: {
        size_t i;
        buf_putc(out, '"');
        for (i = 0; i < n->u.string_lit.len && i < 40; i++) {
            unsigned char c = n->u.string_lit.bytes[i];
            if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\')
                buf_putc(out, (char)c);
            else
                buf_printf(out, "\\x%02x", c);
        }
        buf_puts(out, i < n->u.string_lit.len ? "...\"" : "\"");
        break;
    }
    case AST_PAREN:
        buf_putc(out, '(');
        parse_format(out, n->u.paren.x);
        buf_putc(out, ')');
        break;
    case AST_SELECTOR:
        parse_format(out, n->u.selector.x);
        buf_putc(out, '.');
        parse_format(out, n->u.selector.sel);
        break;
    case AST_INDEX:
        parse_format(out, n->u.index.x);
        buf_putc(out, '[');
        parse_format(out, n->u.index.index);
        buf_putc(out, ']');
        break;
    case AST_CALL:
        parse_format(out, n->u.call.fn);
        buf_putc(out, '(');
        fmt_list(out, n->u.call.args);
        buf_puts(out, n->u.call.spread ? "...)" : ")");
        break;
    case AST_STAR:
        buf_putc(out, '*');
        parse_format(out, n->u.star.x);
        break;
    case AST_UNARY:
        buf_puts(out, lex_kind_str(n->u.unary.op));
        parse_format(out, n->u.unary.x);
        break;
    case AST_BINARY:
        parse_format(out, n->u.binary.x);
        buf_printf(out, " %s ", lex_kind_str(n->u.binary.op));
        parse_format(out, n->u.binary.y);
        break;
    case AST_SLICE_TYPE:
        buf_puts(out, "[]");
        parse_format(out, n->u.slice_type.elem);
        break;
    case AST_CHAN_TYPE:
        buf_puts(out, n->u.chan.dir == AST_CHAN_RECV   ? "<-chan "
                      : n->u.chan.dir == AST_CHAN_SEND ? "chan<- "
                                                       : "chan ");
        parse_format(out, n->u.chan.elem);
        break;
    case AST_MAP_TYPE:
        buf_puts(out, "map[");
        parse_format(out, n->u.map.key);
        buf_putc(out, ']');
        parse_format(out, n->u.map.value);
        break;
    case AST_COMPOSITE_LIT:
        if (n->u.composite.type) parse_format(out, n->u.composite.type);
        buf_puts(out, "{…}");
        break;
    case AST_FUNC_LIT:
        buf_puts(out, "func literal");
        break;
    case AST_EXPR_STMT:
        parse_format(out, n->u.expr_stmt.x);
        break;
    case AST_SEND_STMT:
        parse_format(out, n->u.send.ch);
        buf_puts(out, " <- ");
        parse_format(out, n->u.send.value);
        break;
    case AST_INCDEC_STMT:
        parse_format(out, n->u.incdec.x);
        buf_puts(out, lex_kind_str(n->u.incdec.op));
        break;
    case AST_ASSIGN_STMT:
        fmt_list(out, n->u.assign.lhs);
        buf_printf(out, " %s ", lex_kind_str(n->u.assign.op));
        fmt_list(out, n->u.assign.rhs);
        break;
    default:
        buf_puts(out, ast_kind_str(n->kind));
        break;
    }
}
