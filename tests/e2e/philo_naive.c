/* philo_naive.c: the dining philosophers, each taking the left fork then
 * the right one. It can deadlock; weft finds the schedule that does.
 *   cc philo_naive.c $(pkg-config --cflags --libs weft) -o philo
 *   ./philo explore */
#include <stdio.h>
#include <stdlib.h>

#include "weft.h"

#define N 3

typedef struct table {
    wf_mutex *fork[N];
    wf_waitgroup *done;
} table;

typedef struct seat {
    table *t;
    int i;
} seat;

static void phil(void *arg)
{
    seat *s = arg;
    wf_mutex *left = s->t->fork[s->i], *right = s->t->fork[(s->i + 1) % N];
    wf_mutex_lock(left);
    wf_mutex_lock(right);
    wf_printf("philosopher %d eats\n", s->i);
    wf_mutex_unlock(right);
    wf_mutex_unlock(left);
    wf_waitgroup_done(s->t->done);
}

static void scenario(void *arg)
{
    table t;
    seat s[N];
    char name[32];
    (void)arg;
    for (int i = 0; i < N; i++) {
        snprintf(name, sizeof name, "forks[%d]", i);
        t.fork[i] = wf_mutex_new(name);
    }
    t.done = wf_waitgroup_new("done");
    wf_waitgroup_add(t.done, N);
    for (int i = 0; i < N; i++) {
        s[i].t = &t;
        s[i].i = i;
        wf_go(phil, &s[i], "phil");
    }
    wf_waitgroup_wait(t.done);
}

int main(int argc, char **argv)
{
    return wf_main(argc, argv, scenario);
}
