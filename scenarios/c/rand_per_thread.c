// expect: outcomes "draws 6\n"
//
// Workers draw with rand_r on their own seeds (rand_r keeps its state in
// the caller's variable), then tally under a lock.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int draws;

static void *worker(void *arg)
{
    unsigned seed = (unsigned)(long)arg;
    int local = 0;
    for (int i = 0; i < 3; i++)
        if (rand_r(&seed) >= 0)
            local++;
    pthread_mutex_lock(&mu);
    draws += local;
    pthread_mutex_unlock(&mu);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, worker, (void *)1L);
    pthread_create(&b, NULL, worker, (void *)2L);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("draws %d\n", draws);
    return 0;
}
