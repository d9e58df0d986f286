// expect: panic
//
// main tears down the log's mutex as soon as it has started the worker,
// before joining it: the worker then locks a destroyed mutex (or main
// destroys it while the worker holds it or is inside its lock call),
// undefined in POSIX.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t log_mu;
static int lines;

static void log_line(void)
{
    pthread_mutex_lock(&log_mu);
    lines++;
    pthread_mutex_unlock(&log_mu);
}

static void *worker(void *arg)
{
    (void)arg;
    log_line();
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_mutex_init(&log_mu, NULL);
    pthread_create(&t, NULL, worker, NULL);
    log_line();
    pthread_mutex_destroy(&log_mu);
    pthread_join(t, NULL);
    printf("lines %d\n", lines);
    return 0;
}
