// expect: deadlock
//
// A thread pool whose shutdown sets the flag and wakes the workers with
// pthread_cond_signal instead of broadcast: with both workers idle only
// one of them wakes, and main's join of the other waits forever.
#include <pthread.h>
#include <stdio.h>

#define WORKERS 2

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t work_cv = PTHREAD_COND_INITIALIZER;
static int queue[8], qhead, qtail, stopping, processed;

static void *worker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu);
    for (;;) {
        while (qhead == qtail && !stopping)
            pthread_cond_wait(&work_cv, &mu);
        if (qhead == qtail)
            break;
        qhead++;
        processed++;
    }
    pthread_mutex_unlock(&mu);
    return NULL;
}

int main(void)
{
    pthread_t t[WORKERS];
    for (int i = 0; i < WORKERS; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    pthread_mutex_lock(&mu);
    queue[qtail++] = 1;
    pthread_cond_signal(&work_cv);
    pthread_mutex_unlock(&mu);

    pthread_mutex_lock(&mu);
    stopping = 1;
    pthread_cond_signal(&work_cv);
    pthread_mutex_unlock(&mu);
    for (int i = 0; i < WORKERS; i++)
        pthread_join(t[i], NULL);
    printf("%d\n", processed);
    return 0;
}
