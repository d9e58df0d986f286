// expect: panic race
//
// main frees the shared work buffer after joining the first worker only;
// the second may still be reading it: the free races with the read.
// Where the access comes after the free it is also a heap-use-after-free
// (a panic).
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static int *data;

static void *sum_half(void *arg)
{
    int half = (int)(long)arg, s = 0;
    for (int i = 0; i < 2; i++)
        s += data[half * 2 + i];
    return (void *)(long)s;
}

int main(void)
{
    pthread_t a, b;
    void *sa;
    data = malloc(4 * sizeof *data);
    for (int i = 0; i < 4; i++)
        data[i] = i;
    pthread_create(&a, NULL, sum_half, (void *)0L);
    pthread_create(&b, NULL, sum_half, (void *)1L);
    pthread_join(a, &sa);
    free(data);
    pthread_join(b, NULL);
    printf("%ld\n", (long)sa);
    return 0;
}
