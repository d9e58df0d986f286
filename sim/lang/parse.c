/* parse.c: see parse.h. The parser's core (tokens, errors, lists) and the
 * file and declaration levels of the grammar; expressions and types are in
 * parse_expr.c, statements in parse_stmt.c. The structure follows gc's
 * cmd/compile/internal/syntax/parser.go so that errors land on the same
 * token with the same words; unlike gc it stops at the first error. */
#include "sim/lang/parse_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- tokens and errors ------------------------------------------------- */

void parse_next(parser *p)
{
    if (p->failed) {
        p->tok.kind = TK_EOF;
        return;
    }
    if (lex_next(&p->lx, &p->tok, p->diag) != WF_OK) {
        /* the lexer's error, at gc's position too (see fail) */
        const char *file = NULL;
        p->failed = true;
        if (p->lx.ndirs && p->diag->line > 0) {
            p->diag->line = lex_linedir_at(p->lx.dirs, p->lx.ndirs,
                                           p->diag->line, p->diag->col,
                                           &file);
            if (file && *file)
                snprintf(p->diag->file, sizeof p->diag->file, "%s", file);
        }
    } else if (p->prag_met < p->lx.nprags) {
        parse_pragma_met(p);
    }
}

bool parse_got(parser *p, lex_kind k)
{
    if (p->tok.kind == k) {
        parse_next(p);
        return true;
    }
    return false;
}

/* gc's tokstring: how an expected token is named. */
static const char *tokstring(lex_kind k, char *tmp, size_t n)
{
    if (k == TK_COMMA) return "comma";
    if (k == TK_SEMICOLON) return "semicolon or newline";
    if (lex_is_keyword(k)) {
        snprintf(tmp, n, "keyword %s", lex_kind_str(k));
        return tmp;
    }
    return lex_kind_str(k);
}

void parse_want(parser *p, lex_kind k)
{
    if (!parse_got(p, k)) {
        char tmp[64];
        parse_syntax_error(p, "expected %s", tokstring(k, tmp, sizeof tmp));
    }
}

static void fail(parser *p, int line, int col, const char *msg)
{
    const char *file = NULL;
    int lline = line;
    if (p->failed) return;
    p->failed = true;
    /* gc's position: through the //line directives met so far */
    if (p->lx.ndirs)
        lline = lex_linedir_at(p->lx.dirs, p->lx.ndirs, line, col, &file);
    diag_set(p->diag, file && *file ? file : p->lx.file, lline, col, "%s",
             msg);
    p->tok.kind = TK_EOF;
    p->lx.done = true;
}

/* How the current token is named after "unexpected". */
static void current_token(parser *p, char *out, size_t n)
{
    const lex_token *t = &p->tok;
    const char *s = (const char *)p->lx.src + t->off;
    int len = t->len > 40 ? 40 : (int)t->len;
    const char *more = t->len > 40 ? "..." : "";
    switch (t->kind) {
    case TK_IDENT:
        snprintf(out, n, "name %.*s", len, s);
        break;
    case TK_SEMICOLON:
        snprintf(out, n, "%s",
                 t->semi == LEX_SEMI_NEWLINE ? "newline"
                 : t->semi == LEX_SEMI_EOF   ? "EOF"
                                             : "semicolon");
        break;
    case TK_INT:
    case TK_FLOAT:
    case TK_RUNE:
    case TK_STRING:
        snprintf(out, n, "literal %.*s%s", len, s, more);
        break;
    default: {
        char tmp[64];
        snprintf(out, n, "%s", tokstring(t->kind, tmp, sizeof tmp));
        break;
    }
    }
}

static bool has_prefix(const char *s, const char *pre)
{
    return strncmp(s, pre, strlen(pre)) == 0;
}

static void vsyntax(parser *p, int line, int col, const char *fmt, va_list ap)
    WF_PRINTF(4, 0);
static void vsyntax(parser *p, int line, int col, const char *fmt, va_list ap)
{
    char msg[600], out[800], tok[128];
    if (p->failed) return;
    vsnprintf(msg, sizeof msg, fmt, ap);
    if (msg[0] && !has_prefix(msg, "in ") && !has_prefix(msg, "at ") &&
        !has_prefix(msg, "after ") && !has_prefix(msg, "expected ")) {
        snprintf(out, sizeof out, "syntax error: %s", msg);
    } else {
        current_token(p, tok, sizeof tok);
        snprintf(out, sizeof out, "syntax error: unexpected %s%s%s", tok,
                 has_prefix(msg, "expected ") ? ", "
                 : msg[0]                     ? " "
                                              : "",
                 msg);
    }
    fail(p, line, col, out);
}

void parse_syntax_error_at(parser *p, int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsyntax(p, line, col, fmt, ap);
    va_end(ap);
}

void parse_syntax_error(parser *p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsyntax(p, p->tok.line, p->tok.col, fmt, ap);
    va_end(ap);
}

void parse_error_at(parser *p, int line, int col, const char *fmt, ...)
{
    char msg[800];
    va_list ap;
    if (p->failed) return;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fail(p, line, col, msg);
}

bool parse_enter(parser *p)
{
    if (p->depth >= PARSE_MAX_DEPTH) {
        parse_error_at(p, p->tok.line, p->tok.col,
                       "unsupported: nesting deeper than %d levels",
                       PARSE_MAX_DEPTH);
        return false;
    }
    p->depth++;
    return true;
}

ast_node *parse_node_at(parser *p, ast_kind k, int line, int col)
{
    ast_node *n = ast_new(p->mem, k, line, col);
    n->file = p->file_id;
    return n;
}

ast_node *parse_node(parser *p, ast_kind k)
{
    return parse_node_at(p, k, p->tok.line, p->tok.col);
}

ast_node *parse_bad(parser *p)
{
    return parse_node(p, AST_BAD);
}

size_t parse_mark(parser *p)
{
    return p->scratch.len;
}

void parse_push(parser *p, ast_node *n)
{
    VEC_PUSH(p->scratch, n);
}

ast_list parse_collect(parser *p, size_t mark)
{
    ast_list l = {NULL, 0};
    if (p->scratch.len > mark) {
        l.n = p->scratch.len - mark;
        l.v = arena_alloc(p->mem, l.n * sizeof *l.v);
        memcpy(l.v, p->scratch.p + mark, l.n * sizeof *l.v);
    }
    p->scratch.len = mark;
    return l;
}

static void names_grow(parser *p)
{
    size_t cap = p->names_cap ? p->names_cap * 2 : 1024, i;
    struct parse_name_slot *t = wf_xcalloc(cap, sizeof *t);
    for (i = 0; i < p->names_cap; i++) {
        size_t j;
        if (!p->names[i].s) continue;
        for (j = p->names[i].hash & (cap - 1); t[j].s; j = (j + 1) & (cap - 1))
            ;
        t[j] = p->names[i];
    }
    free(p->names);
    p->names = t;
    p->names_cap = cap;
}

const char *parse_intern(parser *p, const char *s, size_t n)
{
    uint64_t h = hash_bytes(HASH_INIT, s, n);
    size_t j;
    if (2 * (p->names_len + 1) > p->names_cap) names_grow(p);
    for (j = h & (p->names_cap - 1); p->names[j].s;
         j = (j + 1) & (p->names_cap - 1))
        if (p->names[j].hash == h && p->names[j].len == n &&
            memcmp(p->names[j].s, s, n) == 0)
            return p->names[j].s;
    p->names[j].s = arena_strndup(p->mem, s, n);
    p->names[j].len = n;
    p->names[j].hash = h;
    p->names_len++;
    return p->names[j].s;
}

ast_node *parse_name(parser *p)
{
    ast_node *n = parse_node(p, AST_IDENT);
    if (p->tok.kind == TK_IDENT) {
        n->u.ident.name =
            parse_intern(p, (const char *)p->lx.src + p->tok.off, p->tok.len);
        parse_next(p);
        return n;
    }
    n->u.ident.name = "_";
    parse_syntax_error(p, "expected name");
    return n;
}

void parse_list(parser *p, const char *context, lex_kind sep, lex_kind close,
                bool (*f)(parser *p, void *ctx), void *ctx, int *cl, int *cc)
{
    bool done = false;
    while (p->tok.kind != TK_EOF && p->tok.kind != close && !done) {
        done = f(p, ctx);
        if (!parse_got(p, sep) && p->tok.kind != close) {
            char a[64], b[64];
            parse_syntax_error(p, "in %s; possibly missing %s or %s", context,
                               tokstring(sep, a, sizeof a),
                               tokstring(close, b, sizeof b));
            return;
        }
    }
    if (cl) {
        *cl = p->tok.line;
        *cc = p->tok.col;
    }
    parse_want(p, close);
}

/* ---- declarations ------------------------------------------------------ */

/* gc's gotAssign: "=" (a ":=" is reported). */
static bool got_assign(parser *p)
{
    if (p->tok.kind == TK_DEFINE) parse_syntax_error(p, "expected =");
    return parse_got(p, TK_ASSIGN);
}

static ast_list name_list(parser *p)
{
    size_t m = parse_mark(p);
    parse_push(p, parse_name(p));
    while (parse_got(p, TK_COMMA))
        parse_push(p, parse_name(p));
    return parse_collect(p, m);
}

static ast_node *import_spec(parser *p)
{
    ast_node *s = parse_node(p, AST_IMPORT_SPEC);
    ast_node *path;
    if (p->tok.kind == TK_IDENT) {
        s->u.import.name = parse_name(p);
    } else if (p->tok.kind == TK_PERIOD) {
        s->u.import.name = parse_node(p, AST_IDENT);
        s->u.import.name->u.ident.name = parse_intern(p, ".", 1);
        parse_next(p);
    }
    switch (p->tok.kind) {
    case TK_STRING:
        break;
    case TK_INT:
    case TK_FLOAT:
    case TK_RUNE:
        parse_syntax_error(p, "import path must be a string");
        return s;
    default:
        parse_syntax_error(p, "missing import path");
        return s;
    }
    path = parse_node(p, AST_STRING_LIT);
    path->u.string_lit.bytes = p->tok.val.s.p;
    path->u.string_lit.len = p->tok.val.s.n;
    s->u.import.path = path;
    if (path->u.string_lit.len == 0)
        parse_error_at(p, path->line, path->col, "invalid import path: \"\"");
    else if (!strcmp((const char *)path->u.string_lit.bytes, "embed"))
        p->imports_embed = true;
    else if (strcmp((const char *)path->u.string_lit.bytes, "C") == 0)
        parse_error_at(p, path->line, path->col,
                       "unsupported: cgo (import \"C\")");
    parse_next(p);
    return s;
}

/* Per group: the previous const spec, for implicit repetition. */
typedef struct decl_ctx {
    lex_kind tok;
    int index;
    ast_node *prev;
} decl_ctx;

static ast_node *const_spec(parser *p, decl_ctx *c)
{
    ast_node *s = parse_node(p, AST_VALUE_SPEC);
    bool has_eq = false;
    s->u.value_spec.names = name_list(p);
    s->u.value_spec.iota = c->index;
    if (p->tok.kind != TK_EOF && p->tok.kind != TK_SEMICOLON &&
        p->tok.kind != TK_RPAREN) {
        s->u.value_spec.type = parse_type_or_null(p);
        if (got_assign(p)) {
            has_eq = true;
            s->u.value_spec.values = parse_expr_list(p);
        }
    }
    if (p->failed) return s;
    if (!has_eq) {
        /* ConstSpec without "=": repeat the previous one (Go spec,
         * "Constant declarations"). */
        if (s->u.value_spec.type) {
            parse_error_at(p, s->line, s->col,
                           "const declaration cannot have type without "
                           "expression");
        } else if (!c->prev) {
            parse_error_at(p, s->line, s->col,
                           "missing init expr for const declaration");
        } else {
            s->u.value_spec.type = c->prev->u.value_spec.type;
            s->u.value_spec.values = c->prev->u.value_spec.values;
            s->u.value_spec.implicit = true;
        }
    }
    c->prev = s;
    return s;
}

static ast_node *var_spec(parser *p)
{
    ast_node *s = parse_node(p, AST_VALUE_SPEC);
    s->u.value_spec.names = name_list(p);
    if (got_assign(p)) {
        s->u.value_spec.values = parse_expr_list(p);
    } else {
        s->u.value_spec.type = parse_type(p);
        if (got_assign(p)) s->u.value_spec.values = parse_expr_list(p);
    }
    return s;
}

/* gc's extractName: x as "name type" when it can be read so, for the
 * type parameter list of a type declaration ("P *C" only when force). */
static bool is_type_elem(const ast_node *x)
{
    switch (x->kind) {
    case AST_ARRAY_TYPE:
    case AST_STRUCT_TYPE:
    case AST_FUNC_TYPE:
    case AST_INTERFACE_TYPE:
    case AST_SLICE_TYPE:
    case AST_MAP_TYPE:
    case AST_CHAN_TYPE:
        return true;
    case AST_UNARY:
        return x->u.unary.op == TK_TILDE;
    case AST_BINARY:
        return x->u.binary.op == TK_OR &&
               (is_type_elem(x->u.binary.x) || is_type_elem(x->u.binary.y));
    case AST_PAREN:
        return is_type_elem(x->u.paren.x);
    default:
        return false;
    }
}

static ast_node *extract_name(parser *p, ast_node *x, bool force,
                              ast_node **type)
{
    *type = NULL;
    switch (x->kind) {
    case AST_IDENT:
        return x;
    case AST_BINARY:
        if (x->u.binary.op == TK_MUL && x->u.binary.x->kind == AST_IDENT &&
            (force || is_type_elem(x->u.binary.y))) {
            ast_node *s = parse_node_at(p, AST_STAR, x->line, x->col);
            s->u.star.x = x->u.binary.y;
            *type = s;
            return x->u.binary.x;
        }
        if (x->u.binary.op == TK_OR) {
            ast_node *lhs;
            ast_node *name = extract_name(p, x->u.binary.x,
                                          force || is_type_elem(x->u.binary.y),
                                          &lhs);
            if (name && lhs) {
                ast_node *b = parse_node_at(p, AST_BINARY, x->line, x->col);
                b->u.binary.op = TK_OR;
                b->u.binary.x = lhs;
                b->u.binary.y = x->u.binary.y;
                *type = b;
                return name;
            }
        }
        return NULL;
    case AST_CALL:
        if (x->u.call.fn->kind == AST_IDENT && x->u.call.args.n == 1 &&
            !x->u.call.spread && (force || is_type_elem(x->u.call.args.v[0]))) {
            *type = x->u.call.args.v[0];
            return x->u.call.fn;
        }
        return NULL;
    default:
        return NULL;
    }
}

static ast_node *type_spec(parser *p)
{
    ast_node *s = parse_node(p, AST_TYPE_SPEC);
    ast_node *t = NULL;
    s->u.type_spec.name = parse_name(p);
    if (p->tok.kind == TK_LBRACK) {
        /* An array or slice type, or a type parameter list (gc's typeDecl;
         * as there, "[P *C]" counts as an array length). */
        int line = p->tok.line, col = p->tok.col;
        parse_next(p);
        if (p->tok.kind == TK_IDENT) {
            ast_node *x = parse_name(p), *pname, *ptype;
            if (p->tok.kind != TK_LBRACK) {
                p->xnest++;
                x = parse_binary_expr(p, parse_primary_expr(p, x), 0);
                p->xnest--;
            }
            pname = extract_name(p, x, p->tok.kind == TK_COMMA, &ptype);
            if (pname && (ptype || p->tok.kind != TK_RBRACK)) {
                /* a generic type: Name[P C, ...] T */
                s->u.type_spec.tparams = parse_tparams(p, pname, ptype);
                s->u.type_spec.alias = got_assign(p);
                t = parse_type_or_null(p);
            } else {
                parse_want(p, TK_RBRACK);
                t = parse_node_at(p, AST_ARRAY_TYPE, line, col);
                t->u.array.len = x;
                t->u.array.elem = parse_type(p);
            }
        } else if (parse_got(p, TK_RBRACK)) {
            t = parse_node_at(p, AST_SLICE_TYPE, line, col);
            t->u.slice_type.elem = parse_type(p);
        } else {
            t = parse_node_at(p, AST_ARRAY_TYPE, line, col);
            if (p->tok.kind == TK_ELLIPSIS) {
                parse_error_at(p, line, col,
                               "invalid use of [...] array (outside a "
                               "composite literal)");
                return s;
            } else {
                p->xnest++;
                t->u.array.len = parse_expr(p);
                p->xnest--;
            }
            parse_want(p, TK_RBRACK);
            t->u.array.elem = parse_type(p);
        }
    } else {
        s->u.type_spec.alias = got_assign(p);
        t = parse_type_or_null(p);
    }
    if (!t) {
        parse_syntax_error(p, "in type declaration");
        t = parse_bad(p);
    }
    s->u.type_spec.type = t;
    return s;
}

static ast_node *spec(parser *p, decl_ctx *c)
{
    /* the directives before a spec are its (gc's takePragma): a type's
     * may say go:notinheap (not an alias's), a package variable's
     * go:embed; any other is misplaced (gc's pragmaFlags) */
    if (c->tok == TK_TYPE) {
        /* whether it is an alias is known after it */
        size_t from = p->prag_next, to = p->lx.nprags;
        ast_node *s;
        p->prag_next = to;
        s = type_spec(p);
        parse_pragma_check(p, from, to,
                           s->u.type_spec.alias ? 0 : PRAGMA_TYPE);
        return s;
    }
    if (c->tok == TK_VAR) {
        unsigned present = parse_pragma_take(p, PRAGMA_EMBED);
        ast_node *s = var_spec(p);
        if (present & PRAGMA_EMBED)
            parse_pragma_embed(p, s);
        return s;
    }
    parse_pragma_take(p, 0);
    switch (c->tok) {
    case TK_IMPORT:
        return import_spec(p);
    case TK_CONST:
        return const_spec(p, c);
    case TK_VAR:
        return var_spec(p);
    default:
        return type_spec(p);
    }
}

static bool group_elem(parser *p, void *ctx)
{
    decl_ctx *c = ctx;
    parse_push(p, spec(p, c));
    c->index++;
    return false;
}

ast_node *parse_gen_decl(parser *p, lex_kind tok, int kw_line, int kw_col)
{
    ast_node *d = parse_node_at(p, AST_GEN_DECL, kw_line, kw_col);
    decl_ctx c = {tok, 0, NULL};
    size_t m = parse_mark(p);
    d->u.gen_decl.tok = tok;
    if (p->tok.kind == TK_LPAREN) {
        /* a group takes no directive: its specs do (gc clears them
         * before consuming "(") */
        parse_pragma_clear(p);
        parse_next(p);
        d->u.gen_decl.grouped = true;
        parse_list(p, "grouped declaration", TK_SEMICOLON, TK_RPAREN,
                   group_elem, &c, NULL, NULL);
    } else {
        parse_push(p, spec(p, &c));
    }
    d->u.gen_decl.specs = parse_collect(p, m);
    return d;
}

/* Number of receiver names (or unnamed receivers) in l. */
static size_t count_params(ast_list l)
{
    size_t i, n = 0;
    for (i = 0; i < l.n; i++)
        n += l.v[i]->u.field.names.n ? l.v[i]->u.field.names.n : 1;
    return n;
}

static ast_node *func_decl(parser *p, int kw_line, int kw_col)
{
    ast_node *f = parse_node_at(p, AST_FUNC_DECL, kw_line, kw_col);
    bool has_recv = false;
    parse_pragma_take(p, PRAGMA_FUNC);
    /* a //go:nointerface among the comment lines just above */
    if (p->lx.nointerface && p->lx.nointerface < kw_line &&
        p->lx.nointerface >= kw_line - 3)
        f->u.func_decl.nointerface = true;
    p->lx.nointerface = 0;
    if (p->tok.kind == TK_LPAREN) {
        int line = p->tok.line, col = p->tok.col;
        ast_list r;
        size_t n;
        has_recv = true;
        parse_next(p);
        r = parse_params(p);
        n = count_params(r);
        if (n == 0 && !p->failed)
            parse_error_at(p, line, col, "method has no receiver");
        else if (n > 1)
            parse_error_at(p, line, col, "method has multiple receivers");
        else if (n == 1)
            f->u.func_decl.recv = r.v[0];
    }
    if (p->tok.kind != TK_IDENT) {
        parse_syntax_error(p,
                           has_recv ? "expected name" : "expected name or (");
        return f;
    }
    f->u.func_decl.name = parse_name(p);
    if (p->tok.kind == TK_LBRACK) {
        ast_list tps;
        int line = p->tok.line, col = p->tok.col;
        parse_next(p);
        if (p->tok.kind == TK_RBRACK) {
            parse_syntax_error(p, "empty type parameter list");
            return f;
        }
        tps = parse_tparams(p, NULL, NULL);
        if (has_recv && !p->failed) {
            parse_syntax_error_at(p, line, col,
                                  "method must have no type parameters");
            return f;
        }
        f->u.func_decl.type = parse_signature(p, kw_line, kw_col);
        f->u.func_decl.type->u.func_type.tparams = tps;
    } else {
        f->u.func_decl.type = parse_signature(p, kw_line, kw_col);
    }
    if (p->tok.kind == TK_LBRACE) f->u.func_decl.body = parse_func_body(p);
    return f;
}

static void file(parser *p, ast_file *f)
{
    size_t m, i, nimp = 0;
    lex_kind prev = TK_IMPORT;
    if (!parse_got(p, TK_PACKAGE)) {
        parse_syntax_error(p, "package statement must be first");
        return;
    }
    /* the directives before the package clause: go:build only */
    parse_pragma_take(p, PRAGMA_FILE);
    f->pkg = parse_name(p);
    parse_want(p, TK_SEMICOLON);
    m = parse_mark(p);
    while (p->tok.kind != TK_EOF) {
        lex_kind k = p->tok.kind;
        int line = p->tok.line, col = p->tok.col;
        ast_node *d = NULL;
        if (k == TK_IMPORT && prev != TK_IMPORT) {
            parse_syntax_error(p, "imports must appear before other "
                                  "declarations");
            break;
        }
        prev = k;
        switch (k) {
        case TK_IMPORT:
        case TK_CONST:
        case TK_TYPE:
        case TK_VAR:
            parse_next(p);
            d = parse_gen_decl(p, k, line, col);
            break;
        case TK_FUNC:
            parse_next(p);
            d = func_decl(p, line, col);
            break;
        default:
            parse_syntax_error(p, "non-declaration statement outside "
                                  "function body");
            break;
        }
        if (!d) break;
        parse_push(p, d);
        /* before the ";": what follows it may be the next one's */
        parse_pragma_clear(p);
        if (p->tok.kind != TK_EOF && !parse_got(p, TK_SEMICOLON))
            parse_syntax_error(p, "after top level declaration");
        if (d->kind == AST_FUNC_DECL && !d->u.func_decl.body &&
            d->u.func_decl.name) {
            /* gc parses a declaration without body, then complains. */
            if (p->tok.kind == TK_LBRACE)
                parse_syntax_error(p, "unexpected semicolon or newline "
                                      "before {");
            else
                parse_error_at(p, d->u.func_decl.name->line,
                               d->u.func_decl.name->col,
                               "missing function body");
        }
    }
    parse_pragma_clear(p);
    f->eof_line = p->tok.line;
    f->eof_col = p->tok.col;
    f->decls = parse_collect(p, m);
    if (p->failed) return;
    for (i = 0; i < f->decls.n; i++)
        if (f->decls.v[i]->kind == AST_GEN_DECL &&
            f->decls.v[i]->u.gen_decl.tok == TK_IMPORT)
            nimp += f->decls.v[i]->u.gen_decl.specs.n;
    if (nimp) {
        size_t k = 0;
        f->imports.v = arena_alloc(&f->mem, nimp * sizeof *f->imports.v);
        f->imports.n = nimp;
        for (i = 0; i < f->decls.n; i++) {
            const ast_node *d = f->decls.v[i];
            size_t j;
            if (d->kind != AST_GEN_DECL || d->u.gen_decl.tok != TK_IMPORT)
                continue;
            for (j = 0; j < d->u.gen_decl.specs.n; j++)
                f->imports.v[k++] = d->u.gen_decl.specs.v[j];
        }
    }
}

wf_status parse_file(const char *path, const unsigned char *src, size_t len,
                     ast_file **out, wf_diag *d)
{
    return parse_file_id(path, 0, src, len, out, d);
}

wf_status parse_file_id(const char *path, int id, const unsigned char *src,
                        size_t len, ast_file **out, wf_diag *d)
{
    wf_diag local;
    ast_file *f = ast_file_new(path);
    parser p;
    memset(&p, 0, sizeof p);
    f->id = id;
    p.file_id = id;
    p.mem = &f->mem;
    p.diag = d ? d : &local;
    lex_init(&p.lx, f->path, src, len, &f->mem);
    /* a test file's comments: its Examples' output (go/doc) */
    p.lx.keep_comments = strlen(f->path) >= 8 &&
                         !strcmp(f->path + strlen(f->path) - 8, "_test.go");
    f->nleading = lex_leading_comments(src, p.lx.len, &f->mem, &f->leading);
    parse_next(&p);
    file(&p, f);
    f->linedirs = p.lx.dirs;
    f->nlinedirs = p.lx.ndirs;
    if (p.linknames.len) {
        f->linknames.n = p.linknames.len;
        f->linknames.v = arena_alloc(&f->mem, p.linknames.len *
                                                  sizeof *f->linknames.v);
        memcpy(f->linknames.v, p.linknames.p,
               p.linknames.len * sizeof *f->linknames.v);
    }
    VEC_FREE(p.linknames);
    f->comments = p.lx.cmts;
    f->ncomments = p.lx.ncmts;
    VEC_FREE(p.scratch);
    free(p.names);
    if (p.failed) {
        ast_file_free(f);
        *out = NULL;
        return WF_ERR_INPUT;
    }
    *out = f;
    return WF_OK;
}
