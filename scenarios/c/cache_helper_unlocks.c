// expect: panic
//
// A cache lookup helper unlocks the cache's mutex on a miss "to be
// nice", and its caller, which took the lock, unlocks it again: a
// default mutex unlocked twice, undefined in POSIX (and the second
// unlock can release another thread's hold on it).
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t cache_mu = PTHREAD_MUTEX_INITIALIZER;
static int cache[4] = {0, 10, 0, 30};
static int misses;

static int lookup_locked(int k)
{
    if (cache[k] == 0) {
        misses++;
        pthread_mutex_unlock(&cache_mu);
        return -1;
    }
    return cache[k];
}

static void *reader(void *arg)
{
    int k = (int)(long)arg;
    pthread_mutex_lock(&cache_mu);
    lookup_locked(k);
    pthread_mutex_unlock(&cache_mu);
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    for (long i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, reader, (void *)(i * 2));
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("misses %d\n", misses);
    return 0;
}
