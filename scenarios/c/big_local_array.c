// expect: outcomes "sums 523776 523776\n"
//
// Workers with a 1 MiB array on their stacks (the default thread stack
// is 8 MiB on Linux): fill, sum, report.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define N (1 << 18)

static long sums[2];

static void *worker(void *arg)
{
    int id = (int)(long)arg;
    int big[N];
    long s = 0;
    memset(big, 0, sizeof big);
    for (int i = 0; i < 1024; i++)
        big[i * 256] = i;
    for (int i = 0; i < 1024; i++)
        s += big[i * 256];
    sums[id] = s;
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, worker, (void *)0L);
    pthread_create(&b, NULL, worker, (void *)1L);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("sums %ld %ld\n", sums[0], sums[1]);
    return 0;
}
