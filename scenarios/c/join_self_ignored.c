// expect: race
//
// A worker meant to wait for its sibling but joins the wrong handle, its
// own (the handles array is indexed by the caller's id): pthread_join
// fails with EDEADLK, unchecked, and the worker reads the sibling's
// result unordered with its write.
#include <pthread.h>
#include <stdio.h>

static pthread_t handles[2];
static pthread_mutex_t start_mu = PTHREAD_MUTEX_INITIALIZER;
static int results[2];

static void *first(void *arg)
{
    (void)arg;
    results[0] = 4;
    return NULL;
}

static void *second(void *arg)
{
    int id = (int)(long)arg;
    pthread_mutex_lock(&start_mu); /* handles[] is written */
    pthread_mutex_unlock(&start_mu);
    pthread_join(handles[id], NULL); /* BUG: meant handles[0] */
    results[1] = results[0] * 2;
    return NULL;
}

int main(void)
{
    pthread_mutex_lock(&start_mu);
    pthread_create(&handles[0], NULL, first, NULL);
    pthread_create(&handles[1], NULL, second, (void *)1L);
    pthread_mutex_unlock(&start_mu);
    pthread_join(handles[1], NULL);
    printf("%d\n", results[1]);
    return 0;
}
