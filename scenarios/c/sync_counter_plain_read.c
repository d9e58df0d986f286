// expect: race
//
// Workers count requests with __sync_fetch_and_add, but a monitor thread
// samples the counter with a plain read: an atomic write and a plain read
// of the same location, unordered, are a data race. (TSan, which sees
// only the interleaving that ran, missed it in three runs.)
#include <pthread.h>
#include <stdio.h>

static long requests;
static long samples[2];

static void *worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 2; i++)
        __sync_fetch_and_add(&requests, 1);
    return NULL;
}

static void *monitor(void *arg)
{
    (void)arg;
    samples[0] = requests;
    return NULL;
}

int main(void)
{
    pthread_t w, m;
    pthread_create(&w, NULL, worker, NULL);
    pthread_create(&m, NULL, monitor, NULL);
    pthread_join(w, NULL);
    pthread_join(m, NULL);
    printf("%ld\n", requests);
    return 0;
}
