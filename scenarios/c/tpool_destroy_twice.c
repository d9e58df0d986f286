// expect: panic
//
// A pool's destroy routine is called from the normal shutdown path and
// again from an atexit-style cleanup the author added later: the second
// call joins worker threads that were already joined (undefined
// behaviour; the thread IDs may name new threads by then).
#include <pthread.h>
#include <stdio.h>

#define WORKERS 2

struct pool {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int stop;
    int jobs;
    pthread_t tid[WORKERS];
};

static struct pool the_pool = {PTHREAD_MUTEX_INITIALIZER,
                               PTHREAD_COND_INITIALIZER, 0, 0, {0}};

static void *worker(void *arg)
{
    struct pool *p = arg;
    pthread_mutex_lock(&p->mu);
    while (!p->stop) {
        while (p->jobs == 0 && !p->stop)
            pthread_cond_wait(&p->cv, &p->mu);
        if (p->jobs > 0)
            p->jobs--;
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

static void pool_destroy(struct pool *p)
{
    pthread_mutex_lock(&p->mu);
    p->stop = 1;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
    for (int i = 0; i < WORKERS; i++)
        pthread_join(p->tid[i], NULL);
}

static void cleanup(void)
{
    pool_destroy(&the_pool); /* again */
}

int main(void)
{
    for (int i = 0; i < WORKERS; i++)
        pthread_create(&the_pool.tid[i], NULL, worker, &the_pool);
    pthread_mutex_lock(&the_pool.mu);
    the_pool.jobs = 3;
    pthread_cond_broadcast(&the_pool.cv);
    pthread_mutex_unlock(&the_pool.mu);
    pool_destroy(&the_pool);
    cleanup();
    printf("pool down\n");
    return 0;
}
