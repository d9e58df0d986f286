// expect: outcomes "ran 3 jobs, sum 6\n"
//
// A fixed thread pool: jobs are malloc'd and queued on a linked list
// under one mutex, workers sleep on a condition variable, and shutdown
// sets the flag and broadcasts so every idle worker wakes, drains what is
// left and exits. Each job is freed by the worker that ran it.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define WORKERS 2

struct job {
    struct job *next;
    int value;
};

static struct {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    struct job *head, **tail;
    int stop;
    int ran, sum;
} pool = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, NULL, &pool.head, 0, 0, 0};

static void submit(int v)
{
    struct job *j = malloc(sizeof *j);
    j->next = NULL;
    j->value = v;
    pthread_mutex_lock(&pool.mu);
    *pool.tail = j;
    pool.tail = &j->next;
    pthread_cond_signal(&pool.cv);
    pthread_mutex_unlock(&pool.mu);
}

static void *worker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&pool.mu);
    for (;;) {
        while (pool.head == NULL && !pool.stop)
            pthread_cond_wait(&pool.cv, &pool.mu);
        if (pool.head == NULL)
            break;
        struct job *j = pool.head;
        pool.head = j->next;
        if (pool.head == NULL)
            pool.tail = &pool.head;
        pthread_mutex_unlock(&pool.mu);
        int v = j->value;
        free(j);
        pthread_mutex_lock(&pool.mu);
        pool.ran++;
        pool.sum += v;
    }
    pthread_mutex_unlock(&pool.mu);
    return NULL;
}

int main(void)
{
    pthread_t t[WORKERS];
    for (int i = 0; i < WORKERS; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int v = 1; v <= 3; v++)
        submit(v);
    pthread_mutex_lock(&pool.mu);
    pool.stop = 1;
    pthread_cond_broadcast(&pool.cv);
    pthread_mutex_unlock(&pool.mu);
    for (int i = 0; i < WORKERS; i++)
        pthread_join(t[i], NULL);
    printf("ran %d jobs, sum %d\n", pool.ran, pool.sum);
    return 0;
}
