// expect: outcomes "polls 3 value 7\n"
//
// C11 threads: a worker publishes a value after sleeping 25 ms with
// thrd_sleep; main polls an atomic flag every 10 ms (thrd_sleep too), then
// reads the plain value, ordered by the seq_cst flag.
#include <stdatomic.h>
#include <stdio.h>
#include <threads.h>
#include <time.h>

static atomic_int ready;
static int value;

static int worker(void *arg)
{
    (void)arg;
    struct timespec d = {0, 25 * 1000 * 1000};
    thrd_sleep(&d, NULL);
    value = 7;
    atomic_store(&ready, 1);
    return 0;
}

int main(void)
{
    thrd_t t;
    thrd_create(&t, worker, NULL);
    int polls = 0;
    while (!atomic_load(&ready)) {
        struct timespec d = {0, 10 * 1000 * 1000};
        thrd_sleep(&d, NULL);
        polls++;
    }
    printf("polls %d value %d\n", polls, value);
    thrd_join(t, NULL);
    return 0;
}
