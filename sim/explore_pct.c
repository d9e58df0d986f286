/* explore_pct.c: the sampling strategies, pct and random (the
 * portfolio's samplers too). */
#include "explore.h"
#include "explore_int.h"

#include "rng.h"

/* PCT (Burckhardt et al., ASPLOS 2010): every task gets a random priority
 * when first seen; the highest-priority enabled task runs; at d-1 random
 * steps (change points) the running task drops to a priority below all
 * initial ones. Finds a bug of depth d with probability >= 1/(n k^(d-1)). */
int explore_pct_choose(explorer *x, wf_engine *e, int n, const int32_t *alts)
{
    int best = 0;
    for (int i = 0; i < n; i++) {
        int32_t t = alts[i];
        while (x->prio.len <= (size_t)t) {
            /* initial priorities above every change-point priority */
            int64_t p = (int64_t)x->o.pct_depth + 1 +
                        (int64_t)(rng_next(x->rng) >> 33);
            VEC_PUSH(x->prio, p);
        }
    }
    for (int i = 1; i < n; i++)
        if (x->prio.p[alts[i]] > x->prio.p[alts[best]])
            best = i;
    for (size_t c = 0; c < x->changes.len; c++)
        if (x->changes.p[c] == x->pct_steps) {
            /* change point c: the running task drops to priority c+1 */
            x->prio.p[alts[best]] = (int64_t)c + 1;
            best = 0;
            for (int i = 1; i < n; i++)
                if (x->prio.p[alts[i]] > x->prio.p[alts[best]])
                    best = i;
        }
    (void)e;
    return best;
}

void explore_pct_begin(explorer *x)
{
    uint64_t k = x->pct_k ? x->pct_k : 100;
    x->prio.len = 0;
    x->changes.len = 0;
    x->pct_steps = 0;
    for (int i = 0; i + 1 < x->o.pct_depth; i++) {
        uint64_t c = 1 + rng_next(x->rng) % k;
        VEC_PUSH(x->changes, c);
    }
}


int explore_random_choose(explorer *x, int n)
{
    return n == 1 ? 0 : (int)rng_below(x->rng, (uint32_t)n);
}
