// expect: outcomes "table 0 1 4 9, sums 14 14 14\n"
//
// Workers share a lookup table initialised by pthread_once (whichever
// worker gets there first fills it), then each fills its own slot of a
// result array, waits on a pthread_barrier, and sums every slot.
#include <pthread.h>
#include <stdio.h>

#define N 3
static pthread_once_t once = PTHREAD_ONCE_INIT;
static pthread_barrier_t bar;
static int table[4], slot[N], sums[N];

static void init_table(void)
{
    for (int i = 0; i < 4; i++)
        table[i] = i * i;
}

static void *worker(void *arg)
{
    int me = (int)(long)arg;
    pthread_once(&once, init_table);
    slot[me] = table[me + 1];
    pthread_barrier_wait(&bar);
    int s = 0;
    for (int k = 0; k < N; k++)
        s += slot[k];
    sums[me] = s;
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
    printf("table %d %d %d %d, sums %d %d %d\n", table[0], table[1], table[2],
           table[3], sums[0], sums[1], sums[2]);
    return 0;
}
