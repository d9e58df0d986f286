// expect: outcomes "got 42 after 1s\n"
//
// A consumer waits for a result with an absolute CLOCK_REALTIME deadline
// five seconds away, re-waiting on spurious wakeups until the predicate
// holds or the deadline passes; the producer delivers after one second.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int have_result, result;

static void *producer(void *arg)
{
    (void)arg;
    sleep(1);
    pthread_mutex_lock(&mu);
    result = 42;
    have_result = 1;
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&mu);
    return NULL;
}

int main(void)
{
    pthread_t t;
    struct timespec start, deadline, end;
    int rc = 0;
    clock_gettime(CLOCK_REALTIME, &start);
    deadline = start;
    deadline.tv_sec += 5;
    pthread_create(&t, NULL, producer, NULL);
    pthread_mutex_lock(&mu);
    while (!have_result && rc == 0)
        rc = pthread_cond_timedwait(&cv, &mu, &deadline);
    if (have_result) {
        clock_gettime(CLOCK_REALTIME, &end);
        printf("got %d after %lds\n", result, (long)(end.tv_sec - start.tv_sec));
    } else {
        printf("timeout\n");
    }
    pthread_mutex_unlock(&mu);
    pthread_join(t, NULL);
    return 0;
}
