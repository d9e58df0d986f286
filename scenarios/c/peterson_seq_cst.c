// expect: outcomes "4\n"
//
// Peterson's mutual exclusion for two threads with C11 seq_cst atomics
// for the flags and the turn: correct, and the plain counter in the
// critical section is ordered by the flag/turn accesses.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int flag[2], turn;
static int counter;

static void *worker(void *arg)
{
    int me = (int)(long)arg, other = 1 - me;
    for (int i = 0; i < 2; i++) {
        atomic_store(&flag[me], 1);
        atomic_store(&turn, other);
        while (atomic_load(&flag[other]) && atomic_load(&turn) == other)
            ;
        counter++;
        atomic_store(&flag[me], 0);
    }
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
