// expect: outcomes "round 0 sum 6\nround 1 sum 12\n"
//
// Three workers compute partial results, meet at a barrier; the one
// thread that gets PTHREAD_BARRIER_SERIAL_THREAD sums them and prints;
// a second barrier keeps anyone from starting the next round early.
#include <pthread.h>
#include <stdio.h>

#define N 3

static pthread_barrier_t bar;
static int part[N];

static void *worker(void *arg)
{
    int id = (int)(long)arg;
    for (int round = 0; round < 2; round++) {
        part[id] = (id + 1) * (round + 1);
        if (pthread_barrier_wait(&bar) == PTHREAD_BARRIER_SERIAL_THREAD) {
            int s = 0;
            for (int i = 0; i < N; i++)
                s += part[i];
            printf("round %d sum %d\n", round, s);
        }
        pthread_barrier_wait(&bar);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[N];
    pthread_barrier_init(&bar, NULL, N);
    for (long i = 0; i < N; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < N; i++)
        pthread_join(t[i], NULL);
    pthread_barrier_destroy(&bar);
    return 0;
}
