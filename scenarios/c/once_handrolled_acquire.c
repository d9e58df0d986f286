// expect: outcomes "table 0 1 4 9 16 inits 1\n"
//
// A hand-rolled once: the first thread to move the state from 0 to 1
// (compare-exchange) builds the table and stores 2 with release; the
// others spin (yielding) until they load 2 with acquire, then read the
// plain table. Correct.
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int state;
static int table[5], inits;

static void ensure_table(void)
{
    int expected = 0;
    if (atomic_compare_exchange_strong(&state, &expected, 1)) {
        for (int i = 0; i < 5; i++)
            table[i] = i * i;
        inits++;
        atomic_store_explicit(&state, 2, memory_order_release);
        return;
    }
    while (atomic_load_explicit(&state, memory_order_acquire) != 2)
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
    ensure_table();
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    if (ra != 16 || rb != 16)
        return 1;
    printf("table %d %d %d %d %d inits %d\n", table[0], table[1], table[2],
           table[3], table[4], inits);
    return 0;
}
