// expect: race
//
// The done mask with relaxed fetch_or and relaxed polling: seeing every
// bit set orders nothing, so main's reads of the results race with the
// workers' writes.
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_uint done_mask;
static int results[2];

static void *worker(void *arg)
{
    int id = (int)(long)arg;
    results[id] = (id + 1) * 10;
    atomic_fetch_or_explicit(&done_mask, 1u << id, memory_order_relaxed);
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    for (long i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    while (atomic_load_explicit(&done_mask, memory_order_relaxed) != 3u)
        sched_yield();
    printf("results %d %d\n", results[0], results[1]);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
