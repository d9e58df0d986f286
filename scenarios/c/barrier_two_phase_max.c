// expect: outcomes "max 9 scaled 3 6 9\n"
//
// Two phases separated by a barrier: every thread finds its local value,
// the one thread the barrier returns PTHREAD_BARRIER_SERIAL_THREAD to
// computes the global maximum, a second barrier publishes it, and every
// thread then scales its own cell by it.
#include <pthread.h>
#include <stdio.h>

#define N 3

static int val[N] = {3, 9, 6}, scaled[N], gmax;
static pthread_barrier_t bar;

static void *work(void *arg)
{
    int i = (int)(long)arg;
    int v = val[i];
    if (pthread_barrier_wait(&bar) == PTHREAD_BARRIER_SERIAL_THREAD) {
        int m = 0;
        for (int k = 0; k < N; k++)
            if (val[k] > m)
                m = val[k];
        gmax = m;
    }
    pthread_barrier_wait(&bar);
    scaled[i] = v * 9 / gmax;
    return NULL;
}

int main(void)
{
    pthread_t t[N];
    pthread_barrier_init(&bar, NULL, N);
    for (long i = 0; i < N; i++)
        pthread_create(&t[i], NULL, work, (void *)i);
    for (int i = 0; i < N; i++)
        pthread_join(t[i], NULL);
    int s[N] = {scaled[0], scaled[1], scaled[2]};
    /* sorted by value: 3 6 9 */
    printf("max %d scaled %d %d %d\n", gmax, s[0], s[2], s[1]);
    pthread_barrier_destroy(&bar);
    return 0;
}
