/* resolve_rangefunc.c: the body of a range over a function (Go 1.23
 * iterators) is compiled as a function of its own, the yield function
 * the iterator calls. Only the checker knows that a range statement
 * ranges over a function, so it tells the resolver afterwards
 * (res_rangefunc): the locals declared in the statement become that
 * function's, and the outer locals the body uses become captured, as a
 * function literal's would be. */
#include "sim/lang/resolve_int.h"

#include <stdlib.h>

typedef struct rpos {
    int file, line, col;
} rpos;

static int pos_cmp(rpos a, rpos b)
{
    if (a.line != b.line)
        return a.line < b.line ? -1 : 1;
    return a.col < b.col ? -1 : a.col > b.col;
}

static rpos node_pos(const ast_node *n)
{
    rpos p = {n->file, n->line, n->col};
    return p;
}

static bool inside(rpos p, rpos lo, rpos hi)
{
    return p.file == lo.file && pos_cmp(p, lo) >= 0 && pos_cmp(p, hi) <= 0;
}

void res_rangefunc(resolver *r, ast_node *n)
{
    ast_node *body = n->u.range.body;
    ast_node *ends[2] = {n->u.range.key, n->u.range.value};
    rpos lo = node_pos(n), hi = {body->file, body->u.block.rbrace_line,
                                 body->u.block.rbrace_col};
    res_func *f = wf_xcalloc(1, sizeof *f);
    for (int i = 0; i < 2; i++)
        if (ends[i] && pos_cmp(node_pos(ends[i]), lo) < 0)
            lo = node_pos(ends[i]);
    f->node = n;
    VEC_PUSH(r->funcs, f);
    for (size_t i = 0; i < r->map_cap; i++) {
        uint64_t key = r->map[i].key;
        res_sym *s = r->map[i].sym;
        rpos p;
        if (!key || !s || s->kind != RS_LOCAL || !s->ident || !s->fn)
            continue;
        p.file = (int)(key >> 52) - 1;
        p.line = (int)((key >> 22) & 0x3fffffff);
        p.col = (int)(key & 0x3fffff);
        if (!inside(p, lo, hi))
            continue;
        if (inside(node_pos(s->ident), lo, hi)) {
            /* declared in the statement: the body function's, unless a
             * function literal (or inner loop body) inside declares it */
            if (!inside(node_pos(s->fn->node), lo, hi)) {
                f->outer = s->fn;
                f->pkg = s->fn->pkg;
                s->fn = f;
            }
        } else {
            s->captured = true;
        }
    }
}
