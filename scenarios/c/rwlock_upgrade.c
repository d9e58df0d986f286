// expect: panic
//
// A cache lookup that holds the read lock and, on a miss, takes the write
// lock to fill the entry without releasing the read lock first: POSIX
// rwlocks do not upgrade, so the thread waits on itself.
//
// glibc hangs here; POSIX allows EDEADLK, and weft reports it so, as a
// panic at the wrlock call.
#include <pthread.h>
#include <stdio.h>

static pthread_rwlock_t lock = PTHREAD_RWLOCK_INITIALIZER;
static int cache[4], filled[4];

static int lookup(int k)
{
    int v;
    pthread_rwlock_rdlock(&lock);
    if (!filled[k]) {
        pthread_rwlock_wrlock(&lock);
        cache[k] = k * k;
        filled[k] = 1;
        pthread_rwlock_unlock(&lock);
    }
    v = cache[k];
    pthread_rwlock_unlock(&lock);
    return v;
}

static void *worker(void *arg)
{
    printf("%d\n", lookup((int)(long)arg));
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, (void *)2L);
    pthread_join(t, NULL);
    return 0;
}
