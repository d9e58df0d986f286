// expect: race panic
//
// A producer hands a malloc'd message to the consumer through a locked
// slot and then, for its statistics, reads the message's length after
// the handoff; the consumer may already have freed it (a race with the
// free, and a heap-use-after-free when the free came first).
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct msg {
    int len;
    char body[12];
};

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static struct msg *slot;
static int done;

static void *consumer(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu);
    while (!slot)
        pthread_cond_wait(&cv, &mu);
    struct msg *m = slot;
    slot = NULL;
    pthread_mutex_unlock(&mu);
    done = m->len;
    free(m);
    return NULL;
}

int main(void)
{
    pthread_t c;
    long sent_bytes = 0;
    pthread_create(&c, NULL, consumer, NULL);
    struct msg *m = malloc(sizeof *m);
    strcpy(m->body, "payload");
    m->len = (int)strlen(m->body);
    pthread_mutex_lock(&mu);
    slot = m;
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&mu);
    sent_bytes += m->len; /* BUG: m belongs to the consumer now */
    pthread_join(c, NULL);
    printf("%ld %d\n", sent_bytes, done);
    return 0;
}
