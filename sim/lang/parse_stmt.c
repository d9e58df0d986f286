/* parse_stmt.c: statements (see parse_int.h), after gc's parser: simple
 * statements are parsed as an expression list first and classified by the
 * token that follows; control clause headers run with xnest < 0. */
#include "sim/lang/parse_int.h"

#include <string.h>

static ast_node *stmt_or_null(parser *p);
static ast_list stmt_list(parser *p);

/* ---- simple statements ------------------------------------------------- */

static bool is_guard(const ast_node *x)
{
    return x && x->kind == AST_TYPE_ASSERT && !x->u.type_assert.type;
}

static bool all_idents(parser *p, ast_list l)
{
    size_t i;
    for (i = 0; i < l.n; i++) {
        if (l.v[i]->kind != AST_IDENT) {
            buf b;
            buf_init(&b);
            parse_format(&b, l.v[i]);
            parse_error_at(p, l.v[i]->line, l.v[i]->col,
                           "non-name %s on left side of :=", b.p);
            buf_fini(&b);
            return false;
        }
    }
    return true;
}

/* for [lhs (= | :=)] range x: the node is completed by the for statement. */
static ast_node *range_clause(parser *p, ast_list lhs, lex_kind tok, int line,
                              int col)
{
    ast_node *r = parse_node_at(p, AST_RANGE_STMT, line, col);
    parse_next(p); /* range */
    r->u.range.tok = tok;
    if (lhs.n > 2) {
        parse_error_at(p, lhs.v[2]->line, lhs.v[2]->col,
                       "range clause permits at most two iteration "
                       "variables");
        return r;
    }
    if (tok == TK_DEFINE && !all_idents(p, lhs)) return r;
    r->u.range.key = lhs.n > 0 ? lhs.v[0] : NULL;
    r->u.range.value = lhs.n > 1 ? lhs.v[1] : NULL;
    r->u.range.x = parse_expr(p);
    return r;
}

/* gc's simpleStmt; lhs is the already parsed expression list, if any, and
 * (line, col) the statement's first token; keyword is TK_FOR (range
 * allowed), TK_SWITCH or TK_EOF. */
static ast_node *simple_stmt(parser *p, ast_list *lhs_in, lex_kind keyword,
                             int line, int col)
{
    ast_list lhs;
    ast_node *s;
    lex_kind op;

    if (keyword == TK_FOR && p->tok.kind == TK_RANGE) {
        ast_list none = {NULL, 0};
        return range_clause(p, none, TK_EOF, line, col);
    }
    lhs = lhs_in ? *lhs_in : parse_expr_list(p);
    op = p->tok.kind;
    if (lhs.n == 1 && op != TK_ASSIGN && op != TK_DEFINE) {
        if (lex_assign_op(op) != TK_EOF) {
            s = parse_node_at(p, AST_ASSIGN_STMT, line, col);
            s->u.assign.op_line = p->tok.line;
            s->u.assign.op_col = p->tok.col;
            parse_next(p);
            s->u.assign.op = op;
            s->u.assign.lhs = lhs;
            {
                size_t m = parse_mark(p);
                parse_push(p, parse_expr(p));
                s->u.assign.rhs = parse_collect(p, m);
            }
            return s;
        }
        if (op == TK_INC || op == TK_DEC) {
            s = parse_node_at(p, AST_INCDEC_STMT, line, col);
            parse_next(p);
            s->u.incdec.op = op;
            s->u.incdec.x = lhs.v[0];
            return s;
        }
        if (op == TK_ARROW) {
            s = parse_node_at(p, AST_SEND_STMT, line, col);
            parse_next(p);
            s->u.send.ch = lhs.v[0];
            s->u.send.value = parse_expr(p);
            return s;
        }
        s = parse_node_at(p, AST_EXPR_STMT, line, col);
        s->u.expr_stmt.x = lhs.v[0];
        return s;
    }
    if (op == TK_ASSIGN || op == TK_DEFINE) {
        int op_line = p->tok.line, op_col = p->tok.col;
        parse_next(p);
        if (keyword == TK_FOR && p->tok.kind == TK_RANGE)
            return range_clause(p, lhs, op, line, col);
        s = parse_node_at(p, AST_ASSIGN_STMT, line, col);
        s->u.assign.op_line = op_line;
        s->u.assign.op_col = op_col;
        s->u.assign.op = op;
        s->u.assign.lhs = lhs;
        s->u.assign.rhs = parse_expr_list(p);
        if (op == TK_DEFINE &&
            !(keyword == TK_SWITCH && s->u.assign.rhs.n == 1 &&
              is_guard(s->u.assign.rhs.v[0])))
            all_idents(p, lhs);
        return s;
    }
    parse_syntax_error(p, "expected := or = or comma");
    return parse_node_at(p, AST_BAD_STMT, line, col);
}

/* ---- blocks ------------------------------------------------------------ */

ast_node *parse_block(parser *p, const char *context)
{
    ast_node *b = parse_node(p, AST_BLOCK_STMT);
    if (!parse_got(p, TK_LBRACE)) {
        parse_syntax_error(p, "expected { after %s", context);
        return b;
    }
    b->u.block.stmts = stmt_list(p);
    b->u.block.rbrace_line = p->tok.line;
    b->u.block.rbrace_col = p->tok.col;
    parse_want(p, TK_RBRACE);
    return b;
}

ast_node *parse_func_body(parser *p)
{
    ast_node *b;
    int guard_depth = p->guard_depth;
    p->guard_depth = 0;
    p->fnest++;
    b = parse_block(p, "function");
    p->fnest--;
    p->guard_depth = guard_depth;
    return b;
}

/* ---- control clause headers -------------------------------------------- */

typedef struct header {
    ast_node *init, *cond, *post; /* cond: the statement, not unpacked */
    bool range;                   /* init is an AST_RANGE_STMT */
    int semi_line, semi_col;      /* a ';' seen after init, and its kind */
    lex_semi semi;
    bool has_semi;
} header;

/* gc's header(): [init ;] cond for if and switch, init; cond; post or a
 * range clause for for. The keyword is current. */
static void parse_header(parser *p, lex_kind keyword, header *h)
{
    int outer = p->xnest;
    memset(h, 0, sizeof *h);
    parse_next(p); /* the keyword */
    if (p->tok.kind == TK_LBRACE) {
        if (keyword == TK_IF)
            parse_syntax_error(p, "missing condition in if statement");
        return;
    }
    p->xnest = -1;
    if (p->tok.kind != TK_SEMICOLON) {
        if (parse_got(p, TK_VAR)) {
            parse_syntax_error(p,
                               "var declaration not allowed in %s "
                               "initializer",
                               lex_kind_str(keyword));
            p->xnest = outer;
            return;
        }
        h->init = simple_stmt(p, NULL, keyword, p->tok.line, p->tok.col);
        if (h->init->kind == AST_RANGE_STMT) {
            h->range = true;
            p->xnest = outer;
            return;
        }
    }
    if (p->tok.kind != TK_LBRACE) {
        if (p->tok.kind == TK_SEMICOLON) {
            h->has_semi = true;
            h->semi = p->tok.semi;
            h->semi_line = p->tok.line;
            h->semi_col = p->tok.col;
            parse_next(p);
        } else {
            parse_want(p, TK_LBRACE);
            p->xnest = outer;
            return;
        }
        if (keyword == TK_FOR) {
            if (p->tok.kind != TK_SEMICOLON) {
                if (p->tok.kind == TK_LBRACE) {
                    parse_syntax_error(p, "expected for loop condition");
                    p->xnest = outer;
                    return;
                }
                h->cond = simple_stmt(p, NULL, TK_EOF, p->tok.line, p->tok.col);
            }
            parse_want(p, TK_SEMICOLON);
            if (p->tok.kind != TK_LBRACE) {
                h->post = simple_stmt(p, NULL, TK_EOF, p->tok.line, p->tok.col);
                if (h->post->kind == AST_ASSIGN_STMT &&
                    h->post->u.assign.op == TK_DEFINE)
                    parse_syntax_error_at(p, h->post->u.assign.op_line,
                                          h->post->u.assign.op_col,
                                          "cannot declare in post statement "
                                          "of for loop");
            }
        } else if (p->tok.kind != TK_LBRACE) {
            h->cond = simple_stmt(p, NULL, keyword, p->tok.line, p->tok.col);
        }
    } else {
        h->cond = h->init;
        h->init = NULL;
    }
    p->xnest = outer;
}

static void emphasize(buf *b, ast_list l)
{
    size_t i;
    bool emph = l.n == 1 && l.v[0]->kind == AST_BINARY;
    if (emph) buf_putc(b, '(');
    for (i = 0; i < l.n; i++) {
        if (i) buf_puts(b, ", ");
        parse_format(b, l.v[i]);
    }
    if (emph) buf_putc(b, ')');
}

/* The condition or tag expression of a header statement (gc's unpacking):
 * NULL when absent. */
static ast_node *header_expr(parser *p, lex_kind keyword, header *h)
{
    ast_node *s = h->cond;
    buf b;
    if (!s) {
        if (keyword == TK_IF && h->has_semi) {
            if (h->semi != LEX_SEMI_EXPLICIT)
                parse_syntax_error_at(p, h->semi_line, h->semi_col,
                                      "unexpected %s, expected { after if "
                                      "clause",
                                      h->semi == LEX_SEMI_EOF ? "EOF"
                                                              : "newline");
            else
                parse_syntax_error_at(p, h->semi_line, h->semi_col,
                                      "missing condition in if statement");
        }
        return NULL;
    }
    if (s->kind == AST_EXPR_STMT) return s->u.expr_stmt.x;
    if (s->kind == AST_BAD_STMT) return parse_bad(p);
    buf_init(&b);
    if (s->kind == AST_ASSIGN_STMT && s->u.assign.op == TK_ASSIGN) {
        /* gc emphasizes a binary operand: "assignment (a + b) = c". */
        buf_puts(&b, "assignment ");
        emphasize(&b, s->u.assign.lhs);
        buf_puts(&b, " = ");
        emphasize(&b, s->u.assign.rhs);
    } else {
        parse_format(&b, s);
    }
    if (s->kind == AST_ASSIGN_STMT)
        parse_syntax_error_at(p, s->u.assign.op_line, s->u.assign.op_col,
                              "cannot use %s as value", b.p);
    else
        parse_syntax_error_at(p, s->line, s->col, "cannot use %s as value",
                              b.p);
    buf_fini(&b);
    return parse_bad(p);
}

/* ---- compound statements ----------------------------------------------- */

static ast_node *if_stmt(parser *p)
{
    ast_node *first = NULL, *last = NULL;
    int levels = 0;
    /* else-if chains are built iteratively (no C recursion per link), but
     * each link is a level of the tree and counts against the limit. */
    for (;;) {
        ast_node *s;
        header h;
        if (last) {
            if (!parse_enter(p)) break;
            levels++;
        }
        s = parse_node(p, AST_IF_STMT);
        parse_header(p, TK_IF, &h);
        s->u.if_.init = h.init;
        s->u.if_.cond = header_expr(p, TK_IF, &h);
        if (!s->u.if_.cond) s->u.if_.cond = parse_bad(p);
        s->u.if_.then = parse_block(p, "if clause");
        if (last)
            last->u.if_.els = s;
        else
            first = s;
        last = s;
        if (!parse_got(p, TK_ELSE)) break;
        if (p->tok.kind == TK_IF) continue;
        if (p->tok.kind == TK_LBRACE)
            s->u.if_.els = parse_block(p, "");
        else
            parse_syntax_error(p, "else must be followed by if or statement "
                                  "block");
        break;
    }
    p->depth -= levels;
    return first;
}

static ast_node *for_stmt(parser *p)
{
    int line = p->tok.line, col = p->tok.col;
    header h;
    ast_node *s;
    parse_header(p, TK_FOR, &h);
    if (h.range) {
        s = h.init;
        s->line = line;
        s->col = col;
        s->u.range.body = parse_block(p, "for clause");
        return s;
    }
    s = parse_node_at(p, AST_FOR_STMT, line, col);
    s->u.for_.init = h.init;
    s->u.for_.cond = header_expr(p, TK_FOR, &h);
    s->u.for_.post = h.post;
    s->u.for_.body = parse_block(p, "for clause");
    return s;
}

static bool check_default(parser *p, bool *seen, int line, int col,
                          const char *what)
{
    if (*seen) {
        parse_error_at(p, line, col, "multiple defaults in %s", what);
        return false;
    }
    *seen = true;
    return true;
}

static ast_node *case_clause(parser *p, bool *seen_default)
{
    ast_node *c = parse_node(p, AST_CASE_CLAUSE);
    if (p->tok.kind == TK_CASE) {
        parse_next(p);
        c->u.case_.list = parse_expr_list(p);
    } else if (p->tok.kind == TK_DEFAULT) {
        if (!check_default(p, seen_default, c->line, c->col, "switch"))
            return c;
        c->u.case_.is_default = true;
        parse_next(p);
    } else {
        parse_syntax_error(p, "expected case or default or }");
        return c;
    }
    parse_want(p, TK_COLON);
    c->u.case_.body = stmt_list(p);
    return c;
}

static ast_node *switch_stmt(parser *p)
{
    int line = p->tok.line, col = p->tok.col;
    int gd = p->guard_depth, gc = p->guard_count;
    ast_node *gn = p->guard_node, *s, *guard = NULL, *bind = NULL;
    ast_list *clauses;
    header h;
    bool seen_default = false;
    size_t m;

    /* A type switch guard x.(type) is allowed at the top of the header's
     * expressions; whether it is in the right place is checked below. */
    p->guard_depth = p->depth + 1;
    p->guard_count = 0;
    p->guard_node = NULL;
    parse_header(p, TK_SWITCH, &h);
    if (p->guard_count > 0 && !p->failed) {
        ast_node *c = h.cond;
        if (p->guard_count == 1 && c && c->kind == AST_EXPR_STMT &&
            c->u.expr_stmt.x == p->guard_node) {
            guard = p->guard_node;
        } else if (p->guard_count == 1 && c && c->kind == AST_ASSIGN_STMT &&
                   c->u.assign.op == TK_DEFINE && c->u.assign.lhs.n == 1 &&
                   c->u.assign.lhs.v[0]->kind == AST_IDENT &&
                   c->u.assign.rhs.n == 1 &&
                   c->u.assign.rhs.v[0] == p->guard_node) {
            guard = p->guard_node;
            bind = c->u.assign.lhs.v[0];
        } else {
            parse_error_at(p, p->guard_node->line, p->guard_node->col,
                           "use of .(type) outside type switch");
        }
    }
    p->guard_depth = gd;
    p->guard_count = gc;
    p->guard_node = gn;

    if (guard) {
        s = parse_node_at(p, AST_TYPE_SWITCH_STMT, line, col);
        s->u.type_switch.init = h.init;
        s->u.type_switch.bind = bind;
        s->u.type_switch.x = guard->u.type_assert.x;
        clauses = &s->u.type_switch.clauses;
    } else {
        s = parse_node_at(p, AST_SWITCH_STMT, line, col);
        s->u.switch_.init = h.init;
        s->u.switch_.tag = header_expr(p, TK_SWITCH, &h);
        clauses = &s->u.switch_.clauses;
    }
    if (!parse_got(p, TK_LBRACE)) {
        parse_syntax_error(p, "missing { after switch clause");
        return s;
    }
    m = parse_mark(p);
    while (p->tok.kind != TK_EOF && p->tok.kind != TK_RBRACE)
        parse_push(p, case_clause(p, &seen_default));
    *clauses = parse_collect(p, m);
    if (guard) {
        s->u.type_switch.rbrace_line = p->tok.line;
        s->u.type_switch.rbrace_col = p->tok.col;
    } else {
        s->u.switch_.rbrace_line = p->tok.line;
        s->u.switch_.rbrace_col = p->tok.col;
    }
    parse_want(p, TK_RBRACE);
    return s;
}

static bool is_recv(const ast_node *x)
{
    while (x->kind == AST_PAREN)
        x = x->u.paren.x;
    return x->kind == AST_UNARY && x->u.unary.op == TK_ARROW;
}

static ast_node *comm_clause(parser *p, bool *seen_default)
{
    ast_node *c = parse_node(p, AST_COMM_CLAUSE);
    if (p->tok.kind == TK_CASE) {
        ast_node *s;
        bool ok;
        parse_next(p);
        s = simple_stmt(p, NULL, TK_EOF, p->tok.line, p->tok.col);
        ok = s->kind == AST_SEND_STMT ||
             (s->kind == AST_EXPR_STMT && is_recv(s->u.expr_stmt.x)) ||
             (s->kind == AST_ASSIGN_STMT &&
              (s->u.assign.op == TK_ASSIGN || s->u.assign.op == TK_DEFINE) &&
              s->u.assign.lhs.n <= 2 && s->u.assign.rhs.n == 1 &&
              is_recv(s->u.assign.rhs.v[0]));
        if (!ok && !p->failed) {
            parse_error_at(p, s->line, s->col,
                           "select case must be receive, send or assign recv");
            return c;
        }
        c->u.comm.comm = s;
    } else if (p->tok.kind == TK_DEFAULT) {
        if (!check_default(p, seen_default, c->line, c->col, "select"))
            return c;
        parse_next(p);
    } else {
        parse_syntax_error(p, "expected case or default or }");
        return c;
    }
    parse_want(p, TK_COLON);
    c->u.comm.body = stmt_list(p);
    return c;
}

static ast_node *select_stmt(parser *p)
{
    ast_node *s = parse_node(p, AST_SELECT_STMT);
    bool seen_default = false;
    size_t m;
    parse_next(p);
    if (!parse_got(p, TK_LBRACE)) {
        parse_syntax_error(p, "missing { after select clause");
        return s;
    }
    m = parse_mark(p);
    while (p->tok.kind != TK_EOF && p->tok.kind != TK_RBRACE)
        parse_push(p, comm_clause(p, &seen_default));
    s->u.select.clauses = parse_collect(p, m);
    s->u.select.rbrace_line = p->tok.line;
    s->u.select.rbrace_col = p->tok.col;
    parse_want(p, TK_RBRACE);
    return s;
}

static ast_node *call_stmt(parser *p)
{
    ast_node *s =
        parse_node(p, p->tok.kind == TK_GO ? AST_GO_STMT : AST_DEFER_STMT);
    const char *what = p->tok.kind == TK_GO ? "go" : "defer";
    ast_node *x;
    parse_next(p);
    if (!parse_enter(p)) return s;
    x = parse_primary_expr(p, NULL);
    parse_leave(p);
    if (x->kind == AST_PAREN)
        parse_error_at(p, x->line, x->col,
                       "expression in %s must not be parenthesized", what);
    else if (x->kind != AST_CALL)
        parse_error_at(p, x->line, x->col,
                       "expression in %s must be function call", what);
    s->u.go_defer.call = x;
    return s;
}

static ast_node *labeled_stmt(parser *p, ast_node *label)
{
    ast_node *s = parse_node_at(p, AST_LABELED_STMT, label->line, label->col);
    int cl = p->tok.line, cc = p->tok.col;
    s->u.labeled.label = label;
    parse_want(p, TK_COLON);
    if (p->tok.kind == TK_RBRACE) {
        /* "L: }": the label is on an empty statement. */
        s->u.labeled.stmt = parse_node(p, AST_EMPTY_STMT);
        return s;
    }
    s->u.labeled.stmt = stmt_or_null(p);
    if (!s->u.labeled.stmt) {
        parse_syntax_error_at(p, cl, cc, "missing statement after label");
        s->u.labeled.stmt = parse_node(p, AST_BAD_STMT);
    }
    return s;
}

static ast_node *branch_stmt(parser *p)
{
    ast_node *s = parse_node(p, AST_BRANCH_STMT);
    lex_kind k = p->tok.kind;
    s->u.branch.tok = k;
    parse_next(p);
    if (k == TK_GOTO ||
        ((k == TK_BREAK || k == TK_CONTINUE) && p->tok.kind == TK_IDENT))
        s->u.branch.label = parse_name(p);
    return s;
}

static ast_node *stmt_inner(parser *p)
{
    ast_node *s;
    int line = p->tok.line, col = p->tok.col;
    lex_kind k = p->tok.kind;
    /* directives before a statement: a declaration's, or no one's */
    if (k != TK_VAR && k != TK_CONST && k != TK_TYPE)
        parse_pragma_clear(p);
    switch (k) {
    case TK_IDENT: {
        ast_list lhs = parse_expr_list(p);
        if (lhs.n == 1 && lhs.v[0]->kind == AST_IDENT &&
            p->tok.kind == TK_COLON)
            return labeled_stmt(p, lhs.v[0]);
        return simple_stmt(p, &lhs, TK_EOF, line, col);
    }
    case TK_VAR:
    case TK_CONST:
    case TK_TYPE:
        s = parse_node(p, AST_DECL_STMT);
        parse_next(p);
        s->u.decl_stmt.decl = parse_gen_decl(p, k, line, col);
        return s;
    case TK_LBRACE:
        return parse_block(p, "");
    case TK_ADD:
    case TK_SUB:
    case TK_MUL:
    case TK_AND:
    case TK_XOR:
    case TK_NOT:
    case TK_INT:
    case TK_FLOAT:
    case TK_RUNE:
    case TK_STRING:
    case TK_FUNC:
    case TK_LPAREN:
    case TK_LBRACK:
    case TK_STRUCT:
    case TK_MAP:
    case TK_CHAN:
    case TK_INTERFACE:
    case TK_ARROW:
        return simple_stmt(p, NULL, TK_EOF, p->tok.line, p->tok.col);
    case TK_FOR:
        return for_stmt(p);
    case TK_SWITCH:
        return switch_stmt(p);
    case TK_SELECT:
        return select_stmt(p);
    case TK_IF:
        return if_stmt(p);
    case TK_FALLTHROUGH:
    case TK_BREAK:
    case TK_CONTINUE:
    case TK_GOTO:
        return branch_stmt(p);
    case TK_GO:
    case TK_DEFER:
        return call_stmt(p);
    case TK_RETURN:
        s = parse_node(p, AST_RETURN_STMT);
        parse_next(p);
        if (p->tok.kind != TK_SEMICOLON && p->tok.kind != TK_RBRACE)
            s->u.ret.results = parse_expr_list(p);
        return s;
    case TK_SEMICOLON:
        return parse_node(p, AST_EMPTY_STMT);
    default:
        return NULL;
    }
}

/* gc's stmtOrNil: NULL when no statement starts here. */
static ast_node *stmt_or_null(parser *p)
{
    ast_node *s;
    if (!parse_enter(p)) return NULL;
    s = stmt_inner(p);
    parse_leave(p);
    return s;
}

static ast_list stmt_list(parser *p)
{
    size_t m = parse_mark(p);
    while (p->tok.kind != TK_EOF && p->tok.kind != TK_RBRACE &&
           p->tok.kind != TK_CASE && p->tok.kind != TK_DEFAULT) {
        ast_node *s = stmt_or_null(p);
        parse_pragma_clear(p);
        if (!s) break;
        parse_push(p, s);
        if (!parse_got(p, TK_SEMICOLON) && p->tok.kind != TK_RBRACE) {
            parse_syntax_error(p, "at end of statement");
            break;
        }
    }
    return parse_collect(p, m);
}
