// expect: assert
//
// C11 threads: two consumers wait on a condition variable with `if`
// instead of `while`. The producer puts one item and signals; between the
// signal and the woken consumer retaking the mutex, the other consumer
// arrives, sees the item and takes it; the woken one then pops from an
// empty queue (the assertion).
#include <assert.h>
#include <stdio.h>
#include <threads.h>

static mtx_t mu;
static cnd_t cv;
static int items;

static int consumer(void *arg)
{
    (void)arg;
    mtx_lock(&mu);
    if (items == 0)
        cnd_wait(&cv, &mu);
    assert(items > 0);
    items--;
    mtx_unlock(&mu);
    return 0;
}

static int producer(void *arg)
{
    (void)arg;
    for (int i = 0; i < 2; i++) {
        mtx_lock(&mu);
        items++;
        cnd_signal(&cv);
        mtx_unlock(&mu);
    }
    return 0;
}

int main(void)
{
    thrd_t c1, c2, p;
    mtx_init(&mu, mtx_plain);
    cnd_init(&cv);
    thrd_create(&c1, consumer, NULL);
    thrd_create(&c2, consumer, NULL);
    thrd_create(&p, producer, NULL);
    thrd_join(c1, NULL);
    thrd_join(c2, NULL);
    thrd_join(p, NULL);
    puts("done");
    return 0;
}
