// expect: assert
//
// A bounded buffer whose put and get wait on a condition variable under
// `if` instead of `while`: a signalled waiter does not check again, and
// when another thread got there first it takes from an empty buffer (or
// puts into a full one). The asserts catch it.
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
    if (count == CAP) /* the bug: while */
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
    if (count == 0) /* the bug: while */
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
