/* checkers.c: see checkers.h. */
#include "checkers.h"

#include <stdlib.h>

#include "deadlock.h"
#include "lockorder.h"
#include "race.h"

struct checkers {
    deadlock_checker *dl;
    lockorder *lo;
    race_checker *race;
    wf_consumer v[3];
    consumer_set set;
};

checkers_opts checkers_opts_default(void)
{
    checkers_opts o = {true, true, true};
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
    c->set.v = c->v;
    return c;
}

consumer_set *checkers_consumers(checkers *c)
{
    return &c->set;
}

void checkers_finish(checkers *c, explorer *x)
{
    if (c->lo) lockorder_finish(c->lo, x);
}

void checkers_free(checkers *c)
{
    if (!c) return;
    deadlock_free(c->dl);
    lockorder_free(c->lo);
    race_free(c->race);
    free(c);
}
