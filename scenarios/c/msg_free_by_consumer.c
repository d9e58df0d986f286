// expect: ok
//
// Messages are allocated by the producer and freed by the consumer
// after it takes them off a mutex-protected list: ownership moves with
// the message, and the producer never touches a message after it is
// queued. A NULL message tells the consumer to stop.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct msg {
    struct msg *next;
    int seq;
    char body[24];
};

static struct msg *head, **tailp = &head;
static int queued;
static pthread_mutex_t qmu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t qcv = PTHREAD_COND_INITIALIZER;
static int stop;

static void enqueue(struct msg *m)
{
    pthread_mutex_lock(&qmu);
    if (m == NULL) {
        stop = 1;
    } else {
        m->next = NULL;
        *tailp = m;
        tailp = &m->next;
        queued++;
    }
    pthread_cond_signal(&qcv);
    pthread_mutex_unlock(&qmu);
}

static struct msg *dequeue(void)
{
    pthread_mutex_lock(&qmu);
    while (head == NULL && !stop)
        pthread_cond_wait(&qcv, &qmu);
    struct msg *m = head;
    if (m != NULL) {
        head = m->next;
        if (head == NULL)
            tailp = &head;
        queued--;
    }
    pthread_mutex_unlock(&qmu);
    return m;
}

static void *consumer(void *arg)
{
    size_t *total = arg;
    struct msg *m;
    while ((m = dequeue()) != NULL) {
        *total += strlen(m->body) + (size_t)m->seq;
        memset(m, 0, sizeof *m);
        free(m);
    }
    return NULL;
}

int main(void)
{
    pthread_t c;
    size_t total = 0;
    pthread_create(&c, NULL, consumer, &total);
    for (int i = 0; i < 4; i++) {
        struct msg *m = malloc(sizeof *m);
        if (m == NULL)
            return 1;
        m->seq = i;
        snprintf(m->body, sizeof m->body, "event %d", i);
        enqueue(m);
    }
    enqueue(NULL);
    pthread_join(c, NULL);
    return total == 4 * 7 + 6 ? 0 : 1;
}
