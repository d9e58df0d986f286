// expect: ok
//
// Two phases separated by a barrier; readers and a writer share a table
// under a read-write lock. Every access is ordered.
#include <assert.h>
#include <pthread.h>

#define N 2

static pthread_barrier_t phase;
static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static int table[N], total;

static void *work(void *arg)
{
    long i = (long)arg;
    table[i] = (int)i + 1; /* phase 1: each its own slot */
    pthread_barrier_wait(&phase);
    pthread_rwlock_rdlock(&rw); /* phase 2: read them all */
    assert(table[0] + table[1] == 3);
    pthread_rwlock_unlock(&rw);
    pthread_rwlock_wrlock(&rw);
    total += table[i];
    pthread_rwlock_unlock(&rw);
    return NULL;
}

int main(void)
{
    pthread_t t[N];
    pthread_barrier_init(&phase, NULL, N);
    for (long i = 0; i < N; i++)
        pthread_create(&t[i], NULL, work, (void *)i);
    for (int i = 0; i < N; i++)
        pthread_join(t[i], NULL);
    assert(total == 3);
    pthread_barrier_destroy(&phase);
    return 0;
}
