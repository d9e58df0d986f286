// expect: race deadlock
//
// A two-phase computation with three workers but a barrier initialised
// for two (the count was not updated when a worker was added): the
// first two arrivals release each other while the third is still in
// phase 1, so a phase-2 reader reads a partial sum the third worker is
// still writing. And six arrivals need not pair up: when the first two
// workers pass both rounds together, the third waits alone forever.
#include <pthread.h>
#include <stdio.h>

#define WORKERS 3
#define CHUNK 4

static int data[WORKERS * CHUNK];
static long partial[WORKERS];
static long total[WORKERS];
static pthread_barrier_t phase;

static void *worker(void *arg)
{
    int id = (int)(long)arg;
    long s = 0;
    for (int i = id * CHUNK; i < (id + 1) * CHUNK; i++)
        s += data[i];
    partial[id] = s; /* phase 1 */
    pthread_barrier_wait(&phase);
    long t = 0; /* phase 2: every worker sums all the partials */
    for (int i = 0; i < WORKERS; i++)
        t += partial[i];
    total[id] = t;
    pthread_barrier_wait(&phase);
    return NULL;
}

int main(void)
{
    pthread_t t[WORKERS];
    for (int i = 0; i < WORKERS * CHUNK; i++)
        data[i] = i;
    pthread_barrier_init(&phase, NULL, 2); /* should be WORKERS */
    for (long i = 0; i < WORKERS; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < WORKERS; i++)
        pthread_join(t[i], NULL);
    printf("%ld %ld %ld\n", total[0], total[1], total[2]);
    pthread_barrier_destroy(&phase);
    return 0;
}
