// expect: leak
//
// A detached log flusher wakes every 100 ms to write out what the
// workers buffered (under the log's mutex); main joins the workers,
// flushes once itself and returns, ending the process while the flusher
// sleeps. The flusher was still running, not blocked: the leak says so.
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t log_mu = PTHREAD_MUTEX_INITIALIZER;
static int buffered, flushed;

static void flush_locked(void)
{
    flushed += buffered;
    buffered = 0;
}

static void *flusher(void *arg)
{
    (void)arg;
    for (;;) {
        usleep(100000);
        pthread_mutex_lock(&log_mu);
        flush_locked();
        pthread_mutex_unlock(&log_mu);
    }
    return NULL;
}

static void *worker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&log_mu);
    buffered++;
    pthread_mutex_unlock(&log_mu);
    return NULL;
}

int main(void)
{
    pthread_t f, w[2];
    pthread_create(&f, NULL, flusher, NULL);
    pthread_detach(f);
    for (int i = 0; i < 2; i++)
        pthread_create(&w[i], NULL, worker, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(w[i], NULL);
    pthread_mutex_lock(&log_mu);
    flush_locked();
    printf("flushed %d\n", flushed);
    pthread_mutex_unlock(&log_mu);
    return 0;
}
