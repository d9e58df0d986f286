// expect: outcomes "4 9 16\n"
//
// A fixed pool of two workers taking tasks from a queue under a mutex and
// a cond (while loop), shut down by a broadcast and joined.
// (issue 15: a program written outside the suite.)
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define WORKERS 2
#define TASKS 3

struct pool {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int tasks[TASKS];
    int next, ntasks;
    int shutdown;
    int results[TASKS];
};

static void *worker(void *arg)
{
    struct pool *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->mu);
        while (p->next == p->ntasks && !p->shutdown)
            pthread_cond_wait(&p->cv, &p->mu);
        if (p->next == p->ntasks) {
            pthread_mutex_unlock(&p->mu);
            return NULL;
        }
        int i = p->next++;
        int x = p->tasks[i];
        pthread_mutex_unlock(&p->mu);
        p->results[i] = x * x; /* each index is written by one worker */
    }
}

int main(void)
{
    struct pool *p = calloc(1, sizeof *p);
    pthread_t t[WORKERS];
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->cv, NULL);
    for (int i = 0; i < WORKERS; i++)
        pthread_create(&t[i], NULL, worker, p);
    for (int i = 0; i < TASKS; i++) {
        pthread_mutex_lock(&p->mu);
        p->tasks[p->ntasks++] = i + 2;
        pthread_cond_signal(&p->cv);
        pthread_mutex_unlock(&p->mu);
    }
    pthread_mutex_lock(&p->mu);
    p->shutdown = 1;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
    for (int i = 0; i < WORKERS; i++)
        pthread_join(t[i], NULL);
    printf("%d %d %d\n", p->results[0], p->results[1], p->results[2]);
    pthread_cond_destroy(&p->cv);
    pthread_mutex_destroy(&p->mu);
    free(p);
    return 0;
}
