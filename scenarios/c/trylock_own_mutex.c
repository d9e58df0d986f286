// expect: outcomes "busy while held, 1 flushes\n"
//
// A flush helper that must not run twice at once uses
// pthread_mutex_trylock and skips the flush on EBUSY; it is also called
// by the thread that already holds the lock (from inside an update).
// trylock on a held normal mutex returns EBUSY, whoever holds it: this
// is defined behaviour, not a relock.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t flush_mu = PTHREAD_MUTEX_INITIALIZER;
static int flushes, busy;

static void try_flush(void)
{
    if (pthread_mutex_trylock(&flush_mu) == EBUSY) {
        busy = 1;
        return;
    }
    flushes++;
    pthread_mutex_unlock(&flush_mu);
}

static void *updater(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&flush_mu);
    try_flush(); /* held by us: EBUSY, skipped */
    pthread_mutex_unlock(&flush_mu);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, updater, NULL);
    pthread_join(t, NULL);
    try_flush();
    printf("%s, %d flushes\n", busy ? "busy while held" : "never busy", flushes);
    return 0;
}
