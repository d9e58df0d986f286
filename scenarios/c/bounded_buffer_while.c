// expect: ok
//
// The bounded buffer with each wait in a loop that checks its condition
// again, as it must be (a signal only says the state changed): no
// interleaving breaks the asserts.
#include <assert.h>
#include <pthread.h>
#include <stdio.h>

#define CAP 1

static int buf[CAP], count, in, out;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;

static void put(int v)
{
    pthread_mutex_lock(&mu);
    while (count == CAP)
        pthread_cond_wait(&not_full, &mu);
    assert(count < CAP);
    buf[in] = v;
    in = (in + 1) % CAP;
    count++;
    pthread_cond_signal(&not_empty);
    pthread_mutex_unlock(&mu);
}

static int get(void)
{
    int v;
    pthread_mutex_lock(&mu);
    while (count == 0)
        pthread_cond_wait(&not_empty, &mu);
    assert(count > 0);
    v = buf[out];
    out = (out + 1) % CAP;
    count--;
    pthread_cond_signal(&not_full);
    pthread_mutex_unlock(&mu);
    return v;
}

static void *producer(void *arg)
{
    put((int)(long)arg);
    return NULL;
}

static void *consumer(void *arg)
{
    (void)arg;
    printf("got %d\n", get());
    return NULL;
}

int main(void)
{
    pthread_t p[2], c[2];
    for (long i = 0; i < 2; i++) {
        pthread_create(&p[i], NULL, producer, (void *)i);
        pthread_create(&c[i], NULL, consumer, NULL);
    }
    for (int i = 0; i < 2; i++) {
        pthread_join(p[i], NULL);
        pthread_join(c[i], NULL);
    }
    return 0;
}
