// expect: outcomes "1 1\n"
//
// A thread-local counter: each thread has its own, so both see 1.
#include <pthread.h>
#include <stdio.h>

static __thread int mine;
static int seen[2];

static void *work(void *arg)
{
    long i = (long)arg;
    mine++;
    seen[i] = mine;
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, work, (void *)0);
    pthread_create(&b, NULL, work, (void *)1);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%d %d\n", seen[0], seen[1]);
    return 0;
}
