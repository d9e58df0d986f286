/* explore_dfs.c: the dfs strategy: depth-first over every choice, the
 * stack of choices in the explorer (x->stack, x->depth). */
#include "explore.h"
#include "explore_int.h"

int explore_dfs_choose(explorer *x, wf_engine *e, int n)
{
    if (n == 1)
        return 0;
    if (x->depth < x->stack.len) {
        choice *c = &x->stack.p[x->depth++];
        if ((int)c->n != n) {
            explore_diverge(x,
                    "the program is not deterministic: at step %llu it "
                    "offered %d alternatives, %u in an earlier execution "
                    "(keep a C scenario's state inside it, not in globals)",
                    (unsigned long long)e->step + 1, n, c->n);
            return -1;
        }
        return (int)c->idx;
    }
    choice c = {(uint32_t)n, 0, e->step, 0};
    VEC_PUSH(x->stack, c);
    x->depth++;
    return 0;
}

/* Advance the DFS stack to the next unexplored branch; false when none. */
bool explore_dfs_next(explorer *x)
{
    x->stack.len = x->depth;
    while (x->stack.len > x->stack_floor) {
        choice *c = &x->stack.p[x->stack.len - 1];
        if (c->idx + 1 < c->n) {
            c->idx++;
            return true;
        }
        x->stack.len--;
    }
    return false;
}

