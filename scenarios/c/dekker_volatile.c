// expect: race
//
// Dekker's algorithm with volatile ints instead of atomics, as older
// code writes it: volatile keeps the loads in the loops but makes no
// access atomic and orders nothing between threads, so the flags, the
// turn and the counter in the critical section are all data races.
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

static volatile int wants[2], turn;
static int counter;

static void lock(int me)
{
    int other = 1 - me;
    wants[me] = 1;
    while (wants[other]) {
        if (turn != me) {
            wants[me] = 0;
            while (turn != me)
                sched_yield();
            wants[me] = 1;
        }
    }
}

static void unlock(int me)
{
    turn = 1 - me;
    wants[me] = 0;
}

static void *worker(void *arg)
{
    int me = (int)(long)arg;
    lock(me);
    counter++;
    unlock(me);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, worker, (void *)0L);
    pthread_create(&b, NULL, worker, (void *)1L);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%d\n", counter);
    return 0;
}
