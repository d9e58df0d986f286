// expect: deadlock
//
// The asynchronous logger with a shutdown bug: the logging thread waits
// while the ring is empty but never looks at `stopping`. If it has
// drained the ring when main asks it to stop, the broadcast wakes it
// only to go back to sleep, and main's join waits forever.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define RING 4
#define LINE 16

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;
static char lines[RING][LINE];
static unsigned head, tail;
static int stopping;
static int written;

static void log_line(int n)
{
    pthread_mutex_lock(&lock);
    if (head - tail < RING) {
        snprintf(lines[head % RING], LINE, "line %d", n);
        head++;
        pthread_cond_signal(&not_empty);
    }
    pthread_mutex_unlock(&lock);
}

static void *logger(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&lock);
    while (!stopping || head != tail) {
        while (head == tail) /* BUG: stopping is not checked here */
            pthread_cond_wait(&not_empty, &lock);
        written += (int)strlen(lines[tail % RING]) > 0;
        tail++;
    }
    pthread_mutex_unlock(&lock);
    return NULL;
}

int main(void)
{
    pthread_t lg;
    pthread_create(&lg, NULL, logger, NULL);
    log_line(1);
    log_line(2);
    pthread_mutex_lock(&lock);
    stopping = 1;
    pthread_cond_broadcast(&not_empty);
    pthread_mutex_unlock(&lock);
    pthread_join(lg, NULL);
    printf("written %d\n", written);
    return 0;
}
