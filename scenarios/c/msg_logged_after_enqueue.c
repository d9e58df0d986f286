// expect: race panic
//
// A producer hands heap messages to a consumer that frees each one
// after processing; the producer logs the message's sequence number
// after enqueueing it, when it no longer owns it. The consumer may have
// freed it already: the log line reads freed memory (and, before the
// free, races with the consumer's clearing of it).
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct msg {
    struct msg *next;
    int seq;
    char text[16];
};

static struct msg *head;
static int closed;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static long logged;

static void put(struct msg *m)
{
    pthread_mutex_lock(&mu);
    m->next = head;
    head = m;
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&mu);
}

static struct msg *take(void)
{
    pthread_mutex_lock(&mu);
    while (head == NULL && !closed)
        pthread_cond_wait(&cv, &mu);
    struct msg *m = head;
    if (m)
        head = m->next;
    pthread_mutex_unlock(&mu);
    return m;
}

static void *consumer(void *arg)
{
    (void)arg;
    struct msg *m;
    while ((m = take()) != NULL) {
        memset(m, 0, sizeof *m);
        free(m);
    }
    return NULL;
}

int main(void)
{
    pthread_t c;
    pthread_create(&c, NULL, consumer, NULL);
    for (int i = 1; i <= 2; i++) {
        struct msg *m = malloc(sizeof *m);
        if (m == NULL)
            return 1;
        m->seq = i;
        snprintf(m->text, sizeof m->text, "job %d", i);
        put(m);
        logged += m->seq; /* m belongs to the consumer now */
    }
    pthread_mutex_lock(&mu);
    closed = 1;
    pthread_cond_broadcast(&cv);
    pthread_mutex_unlock(&mu);
    pthread_join(c, NULL);
    printf("logged %ld\n", logged);
    return 0;
}
