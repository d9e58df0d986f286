// expect: panic
//
// A pool's shutdown routine unlocks the pool mutex inside its error
// branch (a worker failed to start) and again at the common exit label:
// when a worker did fail, the mutex is unlocked twice (undefined for a
// default mutex; weft reports the misuse).
#include <pthread.h>
#include <stdio.h>

#define WORKERS 2

struct pool {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int stop;
    int started;
    int failed;
    pthread_t tids[WORKERS];
};

static void *worker(void *arg)
{
    struct pool *p = arg;
    pthread_mutex_lock(&p->mu);
    while (!p->stop)
        pthread_cond_wait(&p->cv, &p->mu);
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

static int pool_shutdown(struct pool *p)
{
    int rc = 0;
    pthread_mutex_lock(&p->mu);
    p->stop = 1;
    pthread_cond_broadcast(&p->cv);
    if (p->failed) {
        pthread_mutex_unlock(&p->mu);
        rc = -1;
        goto out;
    }
out:
    pthread_mutex_unlock(&p->mu);
    for (int i = 0; i < p->started; i++)
        pthread_join(p->tids[i], NULL);
    return rc;
}

int main(void)
{
    static struct pool p = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
                            0, 0, 0, {0}};
    for (int i = 0; i < WORKERS; i++) {
        if (i == 1) { /* simulate a failed pthread_create */
            p.failed = 1;
            break;
        }
        if (pthread_create(&p.tids[i], NULL, worker, &p) == 0)
            p.started++;
    }
    printf("shutdown %d\n", pool_shutdown(&p));
    return 0;
}
