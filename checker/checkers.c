/* checkers.c: see checkers.h. */
#include "checkers.h"

#include <stdlib.h>

#include "deadlock.h"
#include "liveness.h"
#include "lockorder.h"
#include "race.h"

struct checkers {
    deadlock_checker *dl;
    lockorder *lo;
    race_checker *race;
    liveness_checker *live;
    wf_consumer v[4];
    consumer_set set;
};

checkers_opts checkers_opts_default(void)
{
    checkers_opts o = {true, true, true, true, CHECKERS_LIVELOCK_WINDOW,
                       CHECKERS_STARVATION_BYPASS};
    return o;
}

checkers *checkers_new(const checkers_opts *o)
{
    checkers_opts def = checkers_opts_default();
    checkers *c = wf_xcalloc(1, sizeof *c);
    if (!o) o = &def;
    if (o->lockorder) {
        c->lo = lockorder_new();
        c->v[c->set.n++] = lockorder_consumer(c->lo);
    }
    if (o->deadlock) {
        c->dl = deadlock_new(c->lo);
        c->v[c->set.n++] = deadlock_consumer(c->dl);
    }
    if (o->race) {
        c->race = race_new();
        c->v[c->set.n++] = race_consumer(c->race);
    }
    if (o->liveness && (o->livelock_window || o->starvation_bypass)) {
        c->live = liveness_new(o->livelock_window, o->starvation_bypass);
        c->v[c->set.n++] = liveness_consumer(c->live);
    }
    c->set.v = c->v;
    return c;
}

consumer_set *checkers_consumers(checkers *c)
{
    return &c->set;
}

typedef struct cycle_target {
    uint64_t keys[8];
    int n;
} cycle_target;

static bool is_cycle_lock(void *ctx, const wf_obj *o)
{
    const cycle_target *t = ctx;
    uint64_t k;
    if (!obj_is_lock(o))
        return false;
    k = lockorder_key(o);
    for (int i = 0; i < t->n; i++)
        if (t->keys[i] == k)
            return true;
    return false;
}

/* A potential deadlock is a prediction: steer the scheduler toward each
 * unconfirmed cycle (SPEC 3); a deadlock reached confirms it (the
 * deadlock checker tells the lock-order graph), and the warning gives way
 * to the deadlock with its replayable schedule. */
#define STEER_TRIES 64

void checkers_finish(checkers *c, explorer *x)
{
    if (!c->lo)
        return;
    /* a complete search has seen every reachable deadlock already */
    for (size_t i = 0; !x->complete; i++) {
        cycle_target t;
        if (!lockorder_cycle(c->lo, i, t.keys, &t.n))
            break;
        if (t.n > 0)
            explore_steer(x, &c->set, is_cycle_lock, &t, STEER_TRIES);
    }
    lockorder_finish(c->lo, x);
}

void checkers_free(checkers *c)
{
    if (!c) return;
    deadlock_free(c->dl);
    lockorder_free(c->lo);
    race_free(c->race);
    liveness_free(c->live);
    free(c);
}
