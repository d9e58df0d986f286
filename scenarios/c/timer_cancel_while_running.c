// expect: race
//
// A timer thread runs each due callback outside its lock, and cancelling
// a timer only unlinks it from the pending list. main cancels the timer
// and, seeing the cancel "fail" (the timer was no longer pending),
// assumes the callback already ran and reads its result; but the
// callback may still be running on the timer thread, writing the result.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

struct timer {
    struct timespec when;
    int result;
    int pending;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static struct timer tm;
static int stop;

static void *timer_thread(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&lock);
    while (!stop) {
        if (!tm.pending) {
            pthread_cond_wait(&changed, &lock);
            continue;
        }
        int rc = pthread_cond_timedwait(&changed, &lock, &tm.when);
        if (rc == ETIMEDOUT && tm.pending) {
            tm.pending = 0;
            pthread_mutex_unlock(&lock);
            tm.result = 42; /* the callback, outside the lock */
            pthread_mutex_lock(&lock);
        }
    }
    pthread_mutex_unlock(&lock);
    return NULL;
}

int main(void)
{
    pthread_t th;
    pthread_create(&th, NULL, timer_thread, NULL);
    pthread_mutex_lock(&lock);
    clock_gettime(CLOCK_REALTIME, &tm.when);
    tm.when.tv_sec += 1;
    tm.pending = 1;
    pthread_cond_signal(&changed);
    pthread_mutex_unlock(&lock);

    struct timespec nap = {1, 0};
    nanosleep(&nap, NULL);
    pthread_mutex_lock(&lock);
    int cancelled = tm.pending;
    tm.pending = 0;
    pthread_mutex_unlock(&lock);
    if (!cancelled)
        printf("timer ran: %d\n", tm.result); /* BUG: may still be running */
    pthread_mutex_lock(&lock);
    stop = 1;
    pthread_cond_signal(&changed);
    pthread_mutex_unlock(&lock);
    pthread_join(th, NULL);
    return 0;
}
