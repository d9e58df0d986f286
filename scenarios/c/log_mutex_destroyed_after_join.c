// expect: outcomes "lines 2\n"
//
// The log's mutex is destroyed after the worker is joined: nobody can
// lock it any more.
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
    pthread_join(t, NULL);
    pthread_mutex_destroy(&log_mu);
    printf("lines %d\n", lines);
    return 0;
}
