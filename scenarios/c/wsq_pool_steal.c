// expect: outcomes "tasks 6 sum 21\n"
//
// A small work-stealing pool: each worker owns a deque (a mutex-guarded
// array with top and bottom indices), pops from its own bottom and, when
// empty, steals from a victim's top under the victim's lock. Tasks are
// malloc'd by main, freed by whichever worker ran them; results are
// summed under a stats lock and read after the joins.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define NWORKERS 2
#define CAP 8

struct task {
    int value;
};

struct deque {
    pthread_mutex_t lock;
    struct task *items[CAP];
    int top, bottom; /* items in [top, bottom) */
};

struct pool {
    struct deque dq[NWORKERS];
    pthread_mutex_t stats_lock;
    long sum;
    int done;
};

struct worker_arg {
    struct pool *pool;
    int id;
};

static int deque_push(struct deque *d, struct task *t)
{
    int ok = 0;
    pthread_mutex_lock(&d->lock);
    if (d->bottom < CAP) {
        d->items[d->bottom++] = t;
        ok = 1;
    }
    pthread_mutex_unlock(&d->lock);
    return ok;
}

static struct task *deque_pop(struct deque *d)
{
    struct task *t = NULL;
    pthread_mutex_lock(&d->lock);
    if (d->bottom > d->top)
        t = d->items[--d->bottom];
    pthread_mutex_unlock(&d->lock);
    return t;
}

static struct task *deque_steal(struct deque *d)
{
    struct task *t = NULL;
    pthread_mutex_lock(&d->lock);
    if (d->bottom > d->top)
        t = d->items[d->top++];
    pthread_mutex_unlock(&d->lock);
    return t;
}

static void run_task(struct pool *p, struct task *t)
{
    long v = t->value;
    free(t);
    pthread_mutex_lock(&p->stats_lock);
    p->sum += v;
    p->done++;
    pthread_mutex_unlock(&p->stats_lock);
}

static void *worker(void *arg)
{
    struct worker_arg *wa = arg;
    struct pool *p = wa->pool;
    for (;;) {
        struct task *t = deque_pop(&p->dq[wa->id]);
        if (t == NULL) {
            for (int v = 0; v < NWORKERS && t == NULL; v++)
                if (v != wa->id)
                    t = deque_steal(&p->dq[v]);
        }
        if (t == NULL)
            break; /* all tasks were queued before the workers started */
        run_task(p, t);
    }
    return NULL;
}

int main(void)
{
    static struct pool pool;
    pthread_t th[NWORKERS];
    struct worker_arg args[NWORKERS];

    for (int i = 0; i < NWORKERS; i++)
        pthread_mutex_init(&pool.dq[i].lock, NULL);
    pthread_mutex_init(&pool.stats_lock, NULL);
    /* uneven load: worker 0 gets five tasks, worker 1 one */
    for (int v = 1; v <= 6; v++) {
        struct task *t = malloc(sizeof *t);
        if (t == NULL)
            return 1;
        t->value = v;
        deque_push(&pool.dq[v == 6 ? 1 : 0], t);
    }
    for (int i = 0; i < NWORKERS; i++) {
        args[i].pool = &pool;
        args[i].id = i;
        pthread_create(&th[i], NULL, worker, &args[i]);
    }
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(th[i], NULL);
    printf("tasks %d sum %ld\n", pool.done, pool.sum);
    for (int i = 0; i < NWORKERS; i++)
        pthread_mutex_destroy(&pool.dq[i].lock);
    pthread_mutex_destroy(&pool.stats_lock);
    return 0;
}
