// expect: race
//
// The work-stealing pool again, with a "cheap" emptiness check: a thief
// peeks at the victim's top and bottom without the victim's lock to skip
// empty deques, and only locks when the peek says there is work. The
// peek reads the indices the owner writes under its lock: a data race
// (the locked re-check keeps the result right, but the race is there).
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define NWORKERS 2
#define CAP 8

struct deque {
    pthread_mutex_t lock;
    int items[CAP];
    int top, bottom;
};

static struct deque dq[NWORKERS];
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static long sum;

static int pop(struct deque *d, int *out)
{
    int ok = 0;
    pthread_mutex_lock(&d->lock);
    if (d->bottom > d->top) {
        *out = d->items[--d->bottom];
        ok = 1;
    }
    pthread_mutex_unlock(&d->lock);
    return ok;
}

static int steal(struct deque *d, int *out)
{
    if (d->bottom - d->top <= 0) /* BUG: unlocked peek */
        return 0;
    int ok = 0;
    pthread_mutex_lock(&d->lock);
    if (d->bottom > d->top) {
        *out = d->items[d->top++];
        ok = 1;
    }
    pthread_mutex_unlock(&d->lock);
    return ok;
}

static void *worker(void *arg)
{
    int id = (int)(long)arg, v;
    for (;;) {
        int got = pop(&dq[id], &v);
        for (int o = 0; o < NWORKERS && !got; o++)
            if (o != id)
                got = steal(&dq[o], &v);
        if (!got)
            break;
        pthread_mutex_lock(&stats_lock);
        sum += v;
        pthread_mutex_unlock(&stats_lock);
    }
    return NULL;
}

int main(void)
{
    pthread_t th[NWORKERS];
    for (int i = 0; i < NWORKERS; i++)
        pthread_mutex_init(&dq[i].lock, NULL);
    for (int v = 1; v <= 3; v++)
        dq[0].items[dq[0].bottom++] = v;
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&th[i], NULL, worker, (void *)(long)i);
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(th[i], NULL);
    printf("sum %ld\n", sum);
    return 0;
}
