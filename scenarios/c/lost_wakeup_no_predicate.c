// expect: deadlock
//
// "Wait until the loader says the cache is warm": the waiter calls
// pthread_cond_wait with no predicate to check, so when the loader
// signals before the waiter has started waiting the signal is lost and
// the waiter (and main, joining it) sleeps forever.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t warm = PTHREAD_COND_INITIALIZER;
static int entries;

static void *loader(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu);
    entries = 100;
    pthread_cond_signal(&warm);
    pthread_mutex_unlock(&mu);
    return NULL;
}

static void *server(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu);
    pthread_cond_wait(&warm, &mu); /* BUG: no predicate loop */
    int n = entries;
    pthread_mutex_unlock(&mu);
    return (void *)(long)n;
}

int main(void)
{
    pthread_t l, s;
    void *n;
    pthread_create(&s, NULL, server, NULL);
    pthread_create(&l, NULL, loader, NULL);
    pthread_join(l, NULL);
    pthread_join(s, &n);
    printf("%ld\n", (long)n);
    return 0;
}
