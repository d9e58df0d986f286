// expect: outcomes "destructor calls 4, last values 0 0\n"
//
// A thread-specific key whose destructor, on its first call, stores a
// second value (a log buffer it flushes lazily): POSIX repeats the
// destructor pass while any value is non-NULL (up to
// PTHREAD_DESTRUCTOR_ITERATIONS), so each of the two threads sees the
// destructor twice, the second time with the new value.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_key_t key;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int calls, last[2];

struct buf {
    int id;
    int pass;
};

static void destroy(void *p)
{
    struct buf *b = p;
    pthread_mutex_lock(&mu);
    calls++;
    last[b->id] = b->pass;
    pthread_mutex_unlock(&mu);
    if (b->pass == 1) {
        struct buf *again = malloc(sizeof *again);
        again->id = b->id;
        again->pass = 0;
        pthread_setspecific(key, again);
    }
    free(b);
}

static void *worker(void *arg)
{
    struct buf *b = malloc(sizeof *b);
    b->id = (int)(long)arg;
    b->pass = 1;
    pthread_setspecific(key, b);
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    pthread_key_create(&key, destroy);
    for (long i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("destructor calls %d, last values %d %d\n", calls, last[0], last[1]);
    pthread_key_delete(key);
    return 0;
}
