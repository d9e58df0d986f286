// expect: outcomes "items 2\n"
//
// A worker that may leave with pthread_exit from deep inside its
// critical section registers the unlock as a cleanup handler
// (pthread_cleanup_push): pthread_exit runs the handlers, so the mutex
// is released and main can lock it afterwards.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int items;

static void unlock_it(void *m)
{
    pthread_mutex_unlock(m);
}

static void take(int n)
{
    items += n;
    if (items >= 2)
        pthread_exit(NULL); /* done: leave from here */
}

static void *worker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu);
    pthread_cleanup_push(unlock_it, &mu);
    take(1);
    take(1);
    take(1);
    pthread_cleanup_pop(1);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_join(t, NULL);
    pthread_mutex_lock(&mu);
    printf("items %d\n", items);
    pthread_mutex_unlock(&mu);
    return 0;
}
