// expect: race
//
// A job queue whose push and pop take the lock, plus a queue_len() for
// the monitoring thread that "only reads an int, so it needs no lock".
// The read races with the producer's and consumer's locked writes of len.
#include <pthread.h>
#include <stdio.h>

#define CAP 4

struct queue {
    pthread_mutex_t lock;
    pthread_cond_t nonempty;
    int items[CAP];
    int head, len;
};

static struct queue q = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
                         {0}, 0, 0};
static int max_seen;

static void push(int v)
{
    pthread_mutex_lock(&q.lock);
    q.items[(q.head + q.len) % CAP] = v;
    q.len++;
    pthread_cond_signal(&q.nonempty);
    pthread_mutex_unlock(&q.lock);
}

static int pop(void)
{
    pthread_mutex_lock(&q.lock);
    while (q.len == 0)
        pthread_cond_wait(&q.nonempty, &q.lock);
    int v = q.items[q.head];
    q.head = (q.head + 1) % CAP;
    q.len--;
    pthread_mutex_unlock(&q.lock);
    return v;
}

static int queue_len(void)
{
    return q.len; /* BUG: unlocked read */
}

static void *consumer(void *arg)
{
    int *sum = arg;
    for (int i = 0; i < 2; i++)
        *sum += pop();
    return NULL;
}

static void *monitor(void *arg)
{
    (void)arg;
    int n = queue_len();
    if (n > max_seen)
        max_seen = n;
    return NULL;
}

int main(void)
{
    int sum = 0;
    pthread_t c, m;
    pthread_create(&c, NULL, consumer, &sum);
    pthread_create(&m, NULL, monitor, NULL);
    push(1);
    push(2);
    pthread_join(c, NULL);
    pthread_join(m, NULL);
    printf("sum %d max %d\n", sum, max_seen);
    return 0;
}
