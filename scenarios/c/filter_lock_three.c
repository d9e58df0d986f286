// expect: outcomes "3\n"
// weft: --preemptions 2
//
// The filter lock (Herlihy & Shavit 2.4), Peterson's algorithm for n
// threads: to enter, a thread climbs levels 1..n-1, at each one naming
// itself the victim and waiting while it is the victim and some other
// thread is at that level or higher. seq_cst atomics: mutual exclusion
// holds and the plain counter does not race.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

#define N 3
static atomic_int level[N], victim[N];
static int counter;

static int others_at_or_above(int me, int l)
{
    for (int k = 0; k < N; k++)
        if (k != me && atomic_load(&level[k]) >= l)
            return 1;
    return 0;
}

static void *worker(void *arg)
{
    int me = (int)(long)arg;
    for (int l = 1; l < N; l++) {
        atomic_store(&level[me], l);
        atomic_store(&victim[l], me);
        while (others_at_or_above(me, l) && atomic_load(&victim[l]) == me)
            ;
    }
    counter++;
    atomic_store(&level[me], 0);
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
