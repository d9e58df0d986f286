// expect: panic
// weft: --preemptions 2
//
// A thread pool whose workers wait with `if` instead of `while`: a
// worker signalled for a new task must relock the pool mutex before it
// runs, and in that window another worker finishing its previous task
// takes the pool lock, finds the task without waiting, and takes it.
// The signalled worker then dequeues from an empty queue and
// dereferences a null task.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define WORKERS 2

struct task {
    struct task *next;
    int n;
};

static pthread_mutex_t pool_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t pool_cv = PTHREAD_COND_INITIALIZER;
static struct task *queue;
static int shutting_down;
static int results;

static void *worker(void *arg)
{
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&pool_mu);
        if (queue == NULL && !shutting_down)
            pthread_cond_wait(&pool_cv, &pool_mu);
        if (shutting_down && queue == NULL) {
            pthread_mutex_unlock(&pool_mu);
            break;
        }
        struct task *t = queue;
        queue = t->next;
        pthread_mutex_unlock(&pool_mu);
        int r = t->n * t->n;
        free(t);
        pthread_mutex_lock(&pool_mu);
        results += r;
        pthread_mutex_unlock(&pool_mu);
    }
    return NULL;
}

static void submit(int n)
{
    struct task *t = malloc(sizeof *t);
    if (t == NULL)
        abort();
    t->n = n;
    pthread_mutex_lock(&pool_mu);
    t->next = queue;
    queue = t;
    pthread_cond_signal(&pool_cv);
    pthread_mutex_unlock(&pool_mu);
}

int main(void)
{
    pthread_t w[WORKERS];
    for (int i = 0; i < WORKERS; i++)
        pthread_create(&w[i], NULL, worker, NULL);
    for (int i = 1; i <= 3; i++)
        submit(i);
    pthread_mutex_lock(&pool_mu);
    shutting_down = 1;
    pthread_cond_broadcast(&pool_cv);
    pthread_mutex_unlock(&pool_mu);
    for (int i = 0; i < WORKERS; i++)
        pthread_join(w[i], NULL);
    printf("results %d\n", results);
    return 0;
}
