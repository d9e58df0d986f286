// expect: deadlock
//
// A cache insert returns early on a full table without unlocking (the
// error path forgot it); the next caller, in another thread, blocks on
// the mutex forever (or, when the failing insert comes last, main does,
// reading the count under the lock).
#include <pthread.h>
#include <stdio.h>

#define CAP 1

static pthread_mutex_t cache_mu = PTHREAD_MUTEX_INITIALIZER;
static int keys[CAP], nkeys;

static int cache_insert(int k)
{
    pthread_mutex_lock(&cache_mu);
    if (nkeys == CAP)
        return -1; /* full */
    keys[nkeys++] = k;
    pthread_mutex_unlock(&cache_mu);
    return 0;
}

static void *worker(void *arg)
{
    int k = (int)(long)arg;
    if (cache_insert(k) != 0)
        fprintf(stderr, "cache full, %d not cached\n", k);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, worker, (void *)1L);
    pthread_create(&b, NULL, worker, (void *)2L);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    pthread_mutex_lock(&cache_mu);
    printf("cached %d\n", nkeys);
    pthread_mutex_unlock(&cache_mu);
    return 0;
}
