// expect: race
//
// The same split with an inclusive upper bound (i <= hi): each chunk's
// last element is the next chunk's first, written by two threads.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define N 99
#define T 3

static int *vals;

static void *fill(void *arg)
{
    int id = (int)(long)arg;
    int lo = id * N / T, hi = (id + 1) * N / T;
    if (hi > N - 1)
        hi = N - 1;
    for (int i = lo; i <= hi; i++)
        vals[i] = i * 2;
    return NULL;
}

int main(void)
{
    pthread_t t[T];
    long sum = 0;
    vals = calloc(N, sizeof *vals);
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
