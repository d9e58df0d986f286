// expect: outcomes "sum 10 tasks 4\n"
// weft: --preemptions 1
//
// A thread pool with a linked task queue: submit() appends under the
// pool lock and signals one worker; shutdown sets the flag under the
// lock and broadcasts, and workers drain the queue before they leave
// (the loop waits while the queue is empty and the pool is running).
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define NWORKERS 2
#define NTASKS 4

struct task {
    struct task *next;
    void (*fn)(void *);
    void *arg;
};

struct pool {
    pthread_mutex_t lock;
    pthread_cond_t has_work;
    struct task *head, *tail;
    int shutdown;
    pthread_t workers[NWORKERS];
};

static pthread_mutex_t sum_lock = PTHREAD_MUTEX_INITIALIZER;
static long sum;
static int done_tasks;

static void add_value(void *arg)
{
    long v = (long)arg;
    pthread_mutex_lock(&sum_lock);
    sum += v;
    done_tasks++;
    pthread_mutex_unlock(&sum_lock);
}

static void *worker_main(void *arg)
{
    struct pool *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        while (p->head == NULL && !p->shutdown)
            pthread_cond_wait(&p->has_work, &p->lock);
        struct task *t = p->head;
        if (t == NULL) { /* shutting down and drained */
            pthread_mutex_unlock(&p->lock);
            return NULL;
        }
        p->head = t->next;
        if (p->head == NULL)
            p->tail = NULL;
        pthread_mutex_unlock(&p->lock);
        t->fn(t->arg);
        free(t);
    }
}

static int pool_init(struct pool *p)
{
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->has_work, NULL);
    p->head = p->tail = NULL;
    p->shutdown = 0;
    for (int i = 0; i < NWORKERS; i++)
        if (pthread_create(&p->workers[i], NULL, worker_main, p) != 0)
            return -1;
    return 0;
}

static int pool_submit(struct pool *p, void (*fn)(void *), void *arg)
{
    struct task *t = malloc(sizeof *t);
    if (t == NULL)
        return -1;
    t->fn = fn;
    t->arg = arg;
    t->next = NULL;
    pthread_mutex_lock(&p->lock);
    if (p->tail)
        p->tail->next = t;
    else
        p->head = t;
    p->tail = t;
    pthread_cond_signal(&p->has_work);
    pthread_mutex_unlock(&p->lock);
    return 0;
}

static void pool_destroy(struct pool *p)
{
    pthread_mutex_lock(&p->lock);
    p->shutdown = 1;
    pthread_cond_broadcast(&p->has_work);
    pthread_mutex_unlock(&p->lock);
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(p->workers[i], NULL);
    pthread_cond_destroy(&p->has_work);
    pthread_mutex_destroy(&p->lock);
}

int main(void)
{
    struct pool p;
    if (pool_init(&p) != 0)
        return 1;
    for (long i = 1; i <= NTASKS; i++)
        if (pool_submit(&p, add_value, (void *)i) != 0)
            return 1;
    pool_destroy(&p);
    printf("sum %ld tasks %d\n", sum, done_tasks);
    return 0;
}
