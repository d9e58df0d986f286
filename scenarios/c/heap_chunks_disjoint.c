// expect: outcomes "sum 4950\n"
//
// A heap array of 100 shorts split into three chunks, one a thread, the
// bounds computed per thread as [id*n/3, (id+1)*n/3): disjoint, so the
// workers never touch the same element; main sums after joining.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define N 100
#define T 3

static short *vals;

static void *fill(void *arg)
{
    int id = (int)(long)arg;
    int lo = id * N / T, hi = (id + 1) * N / T;
    for (int i = lo; i < hi; i++)
        vals[i] = (short)i;
    return NULL;
}

int main(void)
{
    pthread_t t[T];
    long sum = 0;
    vals = malloc(N * sizeof *vals);
    for (long i = 0; i < T; i++)
        pthread_create(&t[i], NULL, fill, (void *)i);
    for (int i = 0; i < T; i++)
        pthread_join(t[i], NULL);
    for (int i = 0; i < N; i++)
        sum += vals[i];
    printf("sum %ld\n", sum);
    free(vals);
    return 0;
}
