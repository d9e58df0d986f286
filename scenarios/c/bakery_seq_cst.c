// expect: outcomes "3\n"
// weft: --preemptions 2
//
// Lamport's bakery lock for three threads with C11 seq_cst atomics
// (Herlihy & Shavit 2.6): a thread raises its choosing flag, takes a
// ticket one above every ticket it sees, lowers the flag, then waits for
// every thread with a smaller (ticket, id) pair. The plain counter in the
// critical section is ordered by the ticket accesses: no race. (weft
// reported a livelock here: a spinner parked for a write when the
// reduction gave its execution up was taken for an endless spin.)
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

#define N 3
static atomic_int choosing[N], number[N];
static int counter;

static void lock(int me)
{
    atomic_store(&choosing[me], 1);
    int max = 0;
    for (int j = 0; j < N; j++) {
        int t = atomic_load(&number[j]);
        if (t > max)
            max = t;
    }
    atomic_store(&number[me], max + 1);
    atomic_store(&choosing[me], 0);
    for (int j = 0; j < N; j++) {
        if (j == me)
            continue;
        while (atomic_load(&choosing[j]))
            ;
        for (;;) {
            int t = atomic_load(&number[j]);
            int mine = atomic_load(&number[me]);
            if (t == 0 || t > mine || (t == mine && j > me))
                break;
        }
    }
}

static void unlock(int me) { atomic_store(&number[me], 0); }

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
    pthread_t t[N];
    for (long i = 0; i < N; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < N; i++)
        pthread_join(t[i], NULL);
    printf("%d\n", counter);
    return 0;
}
