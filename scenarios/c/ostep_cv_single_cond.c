// expect: deadlock
//
// OSTEP, Condition Variables, Figure 30.10: the producer/consumer with
// `while` but one condition variable for both directions. With one
// producer, two consumers and a one-slot buffer: consumer 1 empties the
// buffer and signals, meaning to wake the producer, but the signal wakes
// consumer 2, which finds the buffer empty and sleeps again. Everyone
// sleeps.
#include <assert.h>
#include <pthread.h>
#include <stdio.h>

static int buffer, count; /* one slot */
static pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;

static void put(int value)
{
    assert(count == 0);
    count = 1;
    buffer = value;
}

static int get(void)
{
    assert(count == 1);
    count = 0;
    return buffer;
}

static void *producer(void *arg)
{
    int loops = (int)(long)arg;
    for (int i = 0; i < loops; i++) {
        pthread_mutex_lock(&mutex);
        while (count == 1)
            pthread_cond_wait(&cond, &mutex);
        put(i);
        pthread_cond_signal(&cond);
        pthread_mutex_unlock(&mutex);
    }
    return NULL;
}

static void *consumer(void *arg)
{
    int loops = (int)(long)arg;
    for (int i = 0; i < loops; i++) {
        pthread_mutex_lock(&mutex);
        while (count == 0)
            pthread_cond_wait(&cond, &mutex);
        int tmp = get();
        pthread_cond_signal(&cond);
        pthread_mutex_unlock(&mutex);
        printf("%d\n", tmp);
    }
    return NULL;
}

int main(void)
{
    pthread_t p, c1, c2;
    pthread_create(&p, NULL, producer, (void *)2L);
    pthread_create(&c1, NULL, consumer, (void *)1L);
    pthread_create(&c2, NULL, consumer, (void *)1L);
    pthread_join(p, NULL);
    pthread_join(c1, NULL);
    pthread_join(c2, NULL);
    return 0;
}
