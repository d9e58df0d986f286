// expect: outcomes "started 2\n"
//
// A manual-reset event: event_set sets the flag and broadcasts, every
// waiter loops on the flag. Two workers wait for the start event, then
// count themselves in; main sets the event and joins.
#include <pthread.h>
#include <stdio.h>

struct event {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int set;
};

static struct event start = {PTHREAD_MUTEX_INITIALIZER,
                             PTHREAD_COND_INITIALIZER, 0};
static pthread_mutex_t count_mu = PTHREAD_MUTEX_INITIALIZER;
static int started;

static void event_wait(struct event *e)
{
    pthread_mutex_lock(&e->mu);
    while (!e->set)
        pthread_cond_wait(&e->cv, &e->mu);
    pthread_mutex_unlock(&e->mu);
}

static void event_set(struct event *e)
{
    pthread_mutex_lock(&e->mu);
    e->set = 1;
    pthread_cond_broadcast(&e->cv);
    pthread_mutex_unlock(&e->mu);
}

static void *worker(void *arg)
{
    (void)arg;
    event_wait(&start);
    pthread_mutex_lock(&count_mu);
    started++;
    pthread_mutex_unlock(&count_mu);
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    event_set(&start);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("started %d\n", started);
    return 0;
}
