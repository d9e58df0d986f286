// expect: outcomes "results 10 20 30\n"
//
// Each worker stores its result, then sets its bit in a done mask with
// atomic_fetch_or (release); main polls the mask with acquire loads
// (yielding) until every bit is set and reads the plain results.
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_uint done_mask;
static int results[3];

static void *worker(void *arg)
{
    int id = (int)(long)arg;
    results[id] = (id + 1) * 10;
    atomic_fetch_or_explicit(&done_mask, 1u << id, memory_order_release);
    return NULL;
}

int main(void)
{
    pthread_t t[3];
    for (long i = 0; i < 3; i++) {
        pthread_create(&t[i], NULL, worker, (void *)i);
        pthread_detach(t[i]);
    }
    while (atomic_load_explicit(&done_mask, memory_order_acquire) != 7u)
        sched_yield();
    printf("results %d %d %d\n", results[0], results[1], results[2]);
    return 0;
}
