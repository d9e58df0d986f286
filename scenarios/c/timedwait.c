// expect: outcomes "timed out after 2s\n"
//
// pthread_cond_timedwait on virtual time: the signaller sleeps past the
// deadline, so the waiter times out, after exactly two seconds of virtual
// time (and no real time).
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ready;

static void *signaller(void *arg)
{
    (void)arg;
    sleep(5);
    pthread_mutex_lock(&mu);
    ready = 1;
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&mu);
    return NULL;
}

int main(void)
{
    pthread_t t;
    struct timespec now, deadline;
    int r = 0;
    clock_gettime(CLOCK_REALTIME, &now);
    deadline = now;
    deadline.tv_sec += 2;
    pthread_create(&t, NULL, signaller, NULL);
    pthread_mutex_lock(&mu);
    while (!ready && r != ETIMEDOUT)
        r = pthread_cond_timedwait(&cv, &mu, &deadline);
    pthread_mutex_unlock(&mu);
    if (r == ETIMEDOUT) {
        struct timespec end;
        clock_gettime(CLOCK_REALTIME, &end);
        printf("timed out after %lds\n", (long)(end.tv_sec - now.tv_sec));
    } else {
        printf("signalled\n");
    }
    pthread_join(t, NULL);
    return 0;
}
