// expect: deadlock
//
// A recursive mutex locked twice on one path (a nested call) and unlocked
// only once: the first thread ends still holding it, and the next thread
// that locks it waits forever while main waits in join.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t mu;
static int depth_log[4], nlog;

static void log_depth(int d)
{
    pthread_mutex_lock(&mu);
    depth_log[nlog++] = d;
    if (d == 0)
        log_depth(1);
    else
        return; /* forgot the unlock on this path */
    pthread_mutex_unlock(&mu);
}

static void *worker(void *arg)
{
    (void)arg;
    log_depth(0);
    return NULL;
}

int main(void)
{
    pthread_mutexattr_t a;
    pthread_t t1, t2;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&mu, &a);
    pthread_create(&t1, NULL, worker, NULL);
    pthread_join(t1, NULL);
    pthread_create(&t2, NULL, worker, NULL);
    pthread_join(t2, NULL);
    printf("%d\n", nlog);
    return 0;
}
