// expect: outcomes "20 30 10\n"
//
// Two phases split by pthread_barrier_wait: each thread reads the slot its
// neighbour wrote before the barrier.
// (issue 15: a program written outside the suite.)
#include <pthread.h>
#include <stdio.h>

#define T 3

static pthread_barrier_t bar;
static int slot[T];
static int seen[T];

static void *work(void *arg)
{
    int id = (int)(long)arg;
    slot[id] = (id + 1) * 10;
    pthread_barrier_wait(&bar);
    seen[id] = slot[(id + 1) % T];
    return NULL;
}

int main(void)
{
    pthread_t t[T];
    pthread_barrier_init(&bar, NULL, T);
    for (long i = 0; i < T; i++)
        pthread_create(&t[i], NULL, work, (void *)i);
    for (int i = 0; i < T; i++)
        pthread_join(t[i], NULL);
    pthread_barrier_destroy(&bar);
    printf("%d %d %d\n", seen[0], seen[1], seen[2]);
    return 0;
}
