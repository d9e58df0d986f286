// expect: race
//
// The hand-rolled once with relaxed orders on the "done" store and the
// waiters' load: a waiter that sees 2 is not ordered after the table's
// construction, so its read of the table races with the writes.
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int state;
static int table[5];

static void ensure_table(void)
{
    int expected = 0;
    if (atomic_compare_exchange_strong_explicit(&state, &expected, 1,
                                                memory_order_relaxed,
                                                memory_order_relaxed)) {
        for (int i = 0; i < 5; i++)
            table[i] = i * i;
        atomic_store_explicit(&state, 2, memory_order_relaxed);
        return;
    }
    while (atomic_load_explicit(&state, memory_order_relaxed) != 2)
        sched_yield();
}

static void *reader(void *arg)
{
    int *out = arg;
    ensure_table();
    *out = table[4];
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    int ra, rb;
    pthread_create(&a, NULL, reader, &ra);
    pthread_create(&b, NULL, reader, &rb);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%d %d\n", ra, rb);
    return 0;
}
