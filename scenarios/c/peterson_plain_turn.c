// expect: race
//
// Peterson's lock with seq_cst atomic flags but `turn` left a plain int:
// both threads write turn and spin reading it with nothing ordering
// those accesses, a data race on turn (undefined behaviour in C11, and
// the compiler may hoist the read out of the spin loop).
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int flag[2];
static int turn;
static int counter;

static void *worker(void *arg)
{
    int me = (int)(long)arg, other = 1 - me;
    atomic_store(&flag[me], 1);
    turn = other;
    while (atomic_load(&flag[other]) && turn == other)
        ;
    counter++;
    atomic_store(&flag[me], 0);
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
