// expect: outcomes "consumed 1 2 3\n"
//
// The producer updates the queue under the mutex but signals after
// unlocking (allowed: the predicate is only changed under the lock and
// the consumer re-checks it in a loop).
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int q[3], n, taken;

static void *producer(void *arg)
{
    (void)arg;
    for (int i = 1; i <= 3; i++) {
        pthread_mutex_lock(&mu);
        q[n++] = i;
        pthread_mutex_unlock(&mu);
        pthread_cond_signal(&cv);
    }
    return NULL;
}

int main(void)
{
    pthread_t t;
    int got[3];
    pthread_create(&t, NULL, producer, NULL);
    for (int k = 0; k < 3; k++) {
        pthread_mutex_lock(&mu);
        while (taken == n)
            pthread_cond_wait(&cv, &mu);
        got[k] = q[taken++];
        pthread_mutex_unlock(&mu);
    }
    pthread_join(t, NULL);
    printf("consumed %d %d %d\n", got[0], got[1], got[2]);
    return 0;
}
