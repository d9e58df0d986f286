// expect: outcomes "logged 3 dropped 0, A lines 2, B lines 1\n"
//
// An asynchronous logger: application threads format a line into a slot
// of a ring buffer under the ring's lock (waiting on not_full when it is
// full), a logging thread takes lines out (waiting on not_empty) and
// writes them into its own log (a ring of two slots, so the
// writers fill it and wait). Shutdown sets `stopping` under the lock
// and broadcasts; the logger drains what is left before it exits, and
// main prints the collected log after joining it.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define RING 2
#define LINE 16

struct ring {
    pthread_mutex_t lock;
    pthread_cond_t not_empty, not_full;
    char lines[RING][LINE];
    unsigned head, tail; /* head - tail lines are queued */
    int stopping;
    int dropped;
};

static struct ring ring = {
    .lock = PTHREAD_MUTEX_INITIALIZER,
    .not_empty = PTHREAD_COND_INITIALIZER,
    .not_full = PTHREAD_COND_INITIALIZER,
};

static char out[8][LINE];
static int nout;

static void log_line(const char *who, int n)
{
    pthread_mutex_lock(&ring.lock);
    while (ring.head - ring.tail == RING && !ring.stopping)
        pthread_cond_wait(&ring.not_full, &ring.lock);
    if (ring.stopping) {
        ring.dropped++;
    } else {
        snprintf(ring.lines[ring.head % RING], LINE, "%s %d", who, n);
        ring.head++;
        pthread_cond_signal(&ring.not_empty);
    }
    pthread_mutex_unlock(&ring.lock);
}

static void *logger(void *arg)
{
    (void)arg;
    char line[LINE];
    pthread_mutex_lock(&ring.lock);
    for (;;) {
        while (ring.head == ring.tail && !ring.stopping)
            pthread_cond_wait(&ring.not_empty, &ring.lock);
        if (ring.head == ring.tail)
            break; /* stopping and drained */
        memcpy(line, ring.lines[ring.tail % RING], LINE);
        ring.tail++;
        pthread_cond_signal(&ring.not_full);
        pthread_mutex_unlock(&ring.lock);
        strcpy(out[nout++], line); /* only the logger touches out */
        pthread_mutex_lock(&ring.lock);
    }
    pthread_mutex_unlock(&ring.lock);
    return NULL;
}

static void *app(void *arg)
{
    const char *who = arg;
    int n = who[0] == 'A' ? 2 : 1;
    for (int i = 0; i < n; i++)
        log_line(who, i);
    return NULL;
}

int main(void)
{
    pthread_t lg, a, b;
    pthread_create(&lg, NULL, logger, NULL);
    pthread_create(&a, NULL, app, "A");
    pthread_create(&b, NULL, app, "B");
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    pthread_mutex_lock(&ring.lock);
    ring.stopping = 1;
    pthread_cond_broadcast(&ring.not_empty);
    pthread_cond_broadcast(&ring.not_full);
    pthread_mutex_unlock(&ring.lock);
    pthread_join(lg, NULL);
    int na = 0, nb = 0;
    for (int i = 0; i < nout; i++)
        na += out[i][0] == 'A', nb += out[i][0] == 'B';
    printf("logged %d dropped %d, A lines %d, B lines %d\n", nout,
           ring.dropped, na, nb);
    return 0;
}
