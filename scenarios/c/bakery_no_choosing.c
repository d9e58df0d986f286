// expect: race
//
// Lamport's bakery lock without the choosing flags. Thread 0 reads
// thread 1's ticket as 0 and is about to store its own ticket 1; thread
// 1 also reads 0, stores 1, sees thread 0's ticket still 0 and enters.
// Thread 0 then stores 1, finds thread 1's ticket equal to its own and
// its own id smaller, and enters too: both in the critical section, and
// the plain counter races. The choosing flag is what makes a thread wait
// for a neighbour still computing its ticket.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

#define N 2
static atomic_int number[N];
static int counter;

static void lock(int me)
{
    int max = 0;
    for (int j = 0; j < N; j++) {
        int t = atomic_load(&number[j]);
        if (t > max)
            max = t;
    }
    atomic_store(&number[me], max + 1);
    for (int j = 0; j < N; j++) {
        if (j == me)
            continue;
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
