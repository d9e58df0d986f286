// expect: assert
//
// Every access to the counter is atomic, so there is no data race, but
// the increment is a load followed by a separate store: two threads can
// read the same value and one increment is lost (an atomicity violation).
#include <assert.h>
#include <stdatomic.h>
#include <pthread.h>

static atomic_int hits;

static void *count(void *arg)
{
    (void)arg;
    int v = atomic_load(&hits);
    atomic_store(&hits, v + 1); /* BUG: not atomic_fetch_add */
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, count, NULL);
    pthread_create(&b, NULL, count, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    assert(atomic_load(&hits) == 2);
    return 0;
}
