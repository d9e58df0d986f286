// expect: outcomes "12\n"
//
// Two producers and two consumers on a one-slot ring buffer, each wait in a
// while loop on its own condition variable (not_full, not_empty).
// (issue 15: a program written outside the suite.)
#include <pthread.h>
#include <stdio.h>

#define N 1
#define ITEMS 1

static int buf[N];
static int head, tail, count;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;
static long total;

static void put(int v)
{
    pthread_mutex_lock(&mu);
    while (count == N)
        pthread_cond_wait(&not_full, &mu);
    buf[tail] = v;
    tail = (tail + 1) % N;
    count++;
    pthread_cond_signal(&not_empty);
    pthread_mutex_unlock(&mu);
}

static int get(void)
{
    pthread_mutex_lock(&mu);
    while (count == 0)
        pthread_cond_wait(&not_empty, &mu);
    int v = buf[head];
    head = (head + 1) % N;
    count--;
    pthread_cond_signal(&not_full);
    pthread_mutex_unlock(&mu);
    return v;
}

static void *producer(void *arg)
{
    int base = *(int *)arg;
    for (int i = 1; i <= ITEMS; i++)
        put(base + i);
    return NULL;
}

static void *consumer(void *arg)
{
    (void)arg;
    for (int i = 0; i < ITEMS; i++) {
        int v = get();
        pthread_mutex_lock(&mu);
        total += v;
        pthread_mutex_unlock(&mu);
    }
    return NULL;
}

int main(void)
{
    pthread_t p[2], c[2];
    int base[2] = {0, 10};
    for (int i = 0; i < 2; i++) {
        pthread_create(&p[i], NULL, producer, &base[i]);
        pthread_create(&c[i], NULL, consumer, NULL);
    }
    for (int i = 0; i < 2; i++) {
        pthread_join(p[i], NULL);
        pthread_join(c[i], NULL);
    }
    printf("%ld\n", total);
    return 0;
}
