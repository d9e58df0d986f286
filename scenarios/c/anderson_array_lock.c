// expect: outcomes "6\n"
// weft: --preemptions 2
//
// Anderson's array-based queue lock (Herlihy & Shavit 7.5.1): a thread
// takes a slot with fetch_add on the tail and spins on its own flag; on
// unlock it clears its flag and sets the next slot's. Three threads, two
// rounds each, a plain counter in the critical section.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

#define N 3
static atomic_int flag[N] = {1};
static atomic_uint next_slot;
static int counter;

static void *worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 2; i++) {
        unsigned slot = atomic_fetch_add(&next_slot, 1) % N;
        while (!atomic_load_explicit(&flag[slot], memory_order_acquire))
            ;
        counter++;
        atomic_store_explicit(&flag[slot], 0, memory_order_relaxed);
        atomic_store_explicit(&flag[(slot + 1) % N], 1, memory_order_release);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[N];
    for (int i = 0; i < N; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < N; i++)
        pthread_join(t[i], NULL);
    printf("%d\n", counter);
    return 0;
}
