// expect: assert
//
// A work queue with two consumers that wait with `if` instead of
// `while`: the producer broadcasts after adding one item, both consumers
// wake, the first takes the item, and the second goes on to dequeue from
// an empty queue.
#include <assert.h>
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t nonempty = PTHREAD_COND_INITIALIZER;
static int items[4], count;

static void *consumer(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu);
    if (count == 0) /* BUG: should be while */
        pthread_cond_wait(&nonempty, &mu);
    assert(count > 0 && "dequeue from empty queue");
    int v = items[--count];
    pthread_mutex_unlock(&mu);
    return (void *)(long)v;
}

int main(void)
{
    pthread_t c[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&c[i], NULL, consumer, NULL);
    for (int v = 1; v <= 2; v++) {
        pthread_mutex_lock(&mu);
        items[count++] = v;
        pthread_cond_broadcast(&nonempty);
        pthread_mutex_unlock(&mu);
    }
    for (int i = 0; i < 2; i++)
        pthread_join(c[i], NULL);
    printf("ok\n");
    return 0;
}
