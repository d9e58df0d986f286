/* parse_int.h: what parse.c (files, declarations, errors), parse_expr.c
 * (expressions and types) and parse_stmt.c (statements) share.
 * Owns: the parser state of one parse_file call; nodes go to the file's
 * arena, temporary lists to the scratch stack.
 * Invariants: 1. p->tok is the current token; after the first error it is
 *   TK_EOF for good, so every loop (each stops at EOF) ends and every
 *   later error is dropped: the first error is the one reported.
 *   2. List building is a stack discipline on p->scratch: a function takes
 *   parse_mark(), pushes, and parse_collect()s its elements before its
 *   caller pushes again.
 *   3. p->depth counts the active parse_enter() calls; at most
 *   PARSE_MAX_DEPTH. Nesting constructs enter once per level, and so do
 *   the iterative ones that deepen the tree (operator chains, selector,
 *   call and index chains, else-if chains), so the tree's depth is a small
 *   multiple of PARSE_MAX_DEPTH and consumers may recurse over it.
 *   4. p->xnest < 0 exactly inside an if/for/switch header outside any
 *   bracket, where "T {" opens the block and not a composite literal (gc's
 *   xnest). */
#ifndef WF_LANG_PARSE_INT_H
#define WF_LANG_PARSE_INT_H

#include "sim/lang/parse.h"

typedef struct parser {
    lex_state lx;
    lex_token tok; /* current token */
    arena *mem;    /* the file's arena */
    int file_id;   /* ast_file.id, stamped on every node */
    wf_diag *diag; /* never NULL */
    bool failed;
    int depth;
    int xnest;
    VEC(ast_node *) scratch; /* list stack */
    bool dots_ok; /* the next type may be [...]T (a composite literal's) */
    /* identifier names, interned: open addressing, at most half full */
    struct parse_name_slot {
        const char *s; /* in the arena; NULL when free */
        size_t len;
        uint64_t hash;
    } * names;
    size_t names_cap, names_len;
    /* x.(type) bookkeeping (see parse_stmt.c, switch headers): a guard
     * is allowed only at expression depth guard_depth. */
    int guard_depth;
    int guard_count;
    ast_node *guard_node;
    /* //go: directives (parse_pragma.c): the lexer's first not yet
     * checked as met, and the first not yet handed over */
    size_t prag_met, prag_next;
    bool imports_embed;            /* import "embed" seen */
    int fnest;                     /* function bodies open */
    int embed_line, embed_col;     /* the go:embed a var spec took */
    VEC(ast_node *) linknames;     /* //go:linkname local names */
} parser;

/* ---- parse.c: tokens, errors, lists, declarations --------------------- */
void parse_next(parser *p);
bool parse_got(parser *p, lex_kind k);
void parse_want(parser *p, lex_kind k);
/* gc's syntaxError: a message starting "in ", "at ", "after " or
 * "expected " is prefixed with "unexpected <current token>"; any other
 * is reported as "syntax error: MSG". */
void parse_syntax_error_at(parser *p, int line, int col, const char *fmt, ...)
    WF_PRINTF(4, 5);
void parse_syntax_error(parser *p, const char *fmt, ...) WF_PRINTF(2, 3);
/* A plain error message (no "syntax error: " prefix). */
void parse_error_at(parser *p, int line, int col, const char *fmt, ...)
    WF_PRINTF(4, 5);
/* Enter a nesting level; false (and an error) when too deep. A caller
 * that got true calls parse_leave(). */
bool parse_enter(parser *p);
static inline void parse_leave(parser *p)
{
    p->depth--;
}
ast_node *parse_node(parser *p, ast_kind k); /* at the current token */
ast_node *parse_node_at(parser *p, ast_kind k, int line, int col);
ast_node *parse_bad(parser *p);
size_t parse_mark(parser *p);
void parse_push(parser *p, ast_node *n);
ast_list parse_collect(parser *p, size_t mark);
ast_node *parse_name(parser *p);
/* The interned copy of s[0, n) (one pointer per distinct name). */
const char *parse_intern(parser *p, const char *s, size_t n);
/* gc's list(): [ f { sep f } [sep] ] close; f returns true to stop. The
 * position of close is stored in *cl, *cc when not NULL. */
void parse_list(parser *p, const char *context, lex_kind sep, lex_kind close,
                bool (*f)(parser *p, void *ctx), void *ctx, int *cl, int *cc);
/* const, var or type declaration after its keyword (at kw_line:kw_col). */
ast_node *parse_gen_decl(parser *p, lex_kind tok, int kw_line, int kw_col);

/* ---- parse_expr.c: expressions and types ------------------------------ */
ast_node *parse_expr(parser *p);
ast_list parse_expr_list(parser *p);
ast_node *parse_unary_expr(parser *p);
/* Binary expression of operators with precedence > prec, continuing from
 * x when not NULL. */
ast_node *parse_binary_expr(parser *p, ast_node *x, int prec);
/* PrimaryExpr, continuing from x when not NULL. */
ast_node *parse_primary_expr(parser *p, ast_node *x);
ast_node *parse_type(parser *p);
ast_node *parse_type_or_null(parser *p);
/* Signature after "func" (and a name): "(" params ")" [results]. */
ast_node *parse_signature(parser *p, int line, int col);
/* Parameters after "(" up to and including ")"; AST_FIELD list. */
ast_list parse_params(parser *p);
/* "[" at the current token after a name in a parameter or field: an array
 * or slice type, or an unsupported instantiation. */
ast_node *parse_array_or_targs(parser *p);
ast_node *parse_qualified_name(parser *p, ast_node *name);
/* A type constraint: a union of terms, each a type or ~type. */
ast_node *parse_constraint(parser *p);
/* A type parameter list after its "[" (first: a name already parsed and
 * the constraint that followed it, either may be NULL), up to "]": AST_FIELD
 * nodes, each names and a constraint. */
ast_list parse_tparams(parser *p, ast_node *first, ast_node *first_type);
/* Go syntax of a node for messages ("x = y", "f(a, b)"); long or complex
 * forms are abbreviated. */
void parse_format(buf *out, const ast_node *n);

/* ---- parse_pragma.c: //go: directives --------------------------------- */
/* Where a directive may stand (gc's funcPragmas, typePragmas, the file's
 * go:build, a package variable's go:embed). */
enum {
    PRAGMA_FUNC = 1,
    PRAGMA_TYPE = 2,
    PRAGMA_FILE = 4,
    PRAGMA_EMBED = 8,
};
/* After each token: what gc says of a directive as it meets it (one not
 * alone on its line, a runtime-only one, a malformed one). */
void parse_pragma_met(parser *p);
/* The directives before the current token go to a declaration that
 * allows those of the classes `allowed` (gc's takePragma and
 * pragmaFlags): any other is misplaced. Returns the classes present. */
unsigned parse_pragma_take(parser *p, unsigned allowed);
/* The same for the directives [from, to) of the lexer's. */
unsigned parse_pragma_check(parser *p, size_t from, size_t to,
                            unsigned allowed);
/* Where no declaration takes them (gc's clearPragma). */
void parse_pragma_clear(parser *p);
/* A variable spec that took a go:embed (at embed_line:embed_col): what gc
 * says when it cannot apply (noder's checkEmbed). */
void parse_pragma_embed(parser *p, const ast_node *spec);

/* ---- parse_stmt.c: statements ----------------------------------------- */
ast_node *parse_block(parser *p, const char *context);
ast_node *parse_func_body(parser *p);

#endif
