// expect: panic
//
// Both main and a supervisor thread join the same worker (each thought it
// owned the cleanup): joining a thread that another thread is already
// joining, or has joined, is undefined.
#include <pthread.h>
#include <stdio.h>

static pthread_t worker_tid;

static void *worker(void *arg)
{
    (void)arg;
    return (void *)7L;
}

static void *supervisor(void *arg)
{
    (void)arg;
    void *r;
    pthread_join(worker_tid, &r);
    return r;
}

int main(void)
{
    pthread_t sup;
    void *r;
    pthread_create(&worker_tid, NULL, worker, NULL);
    pthread_create(&sup, NULL, supervisor, NULL);
    pthread_join(worker_tid, &r); /* BUG: the supervisor joins it too */
    pthread_join(sup, NULL);
    printf("%ld\n", (long)r);
    return 0;
}
