// expect: outcomes "ticks 3, behind 0\n"
//
// A periodic worker that sleeps to absolute deadlines
// (clock_nanosleep TIMER_ABSTIME on CLOCK_MONOTONIC, 100 ms apart) and
// counts ticks; main stops it with an atomic flag after it has ticked
// three times (waiting on a condition variable).
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <time.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ticks, behind;
static atomic_int stop;

static void *ticker(void *arg)
{
    struct timespec next, now;
    (void)arg;
    clock_gettime(CLOCK_MONOTONIC, &next);
    while (!atomic_load(&stop)) {
        next.tv_nsec += 100000000;
        if (next.tv_nsec >= 1000000000) {
            next.tv_nsec -= 1000000000;
            next.tv_sec++;
        }
        clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, NULL);
        clock_gettime(CLOCK_MONOTONIC, &now);
        pthread_mutex_lock(&mu);
        if (now.tv_sec < next.tv_sec ||
            (now.tv_sec == next.tv_sec && now.tv_nsec < next.tv_nsec))
            behind++;
        if (ticks < 3)
            ticks++;
        pthread_cond_signal(&cv);
        pthread_mutex_unlock(&mu);
    }
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, ticker, NULL);
    pthread_mutex_lock(&mu);
    while (ticks < 3)
        pthread_cond_wait(&cv, &mu);
    pthread_mutex_unlock(&mu);
    atomic_store(&stop, 1);
    pthread_join(t, NULL);
    printf("ticks %d, behind %d\n", ticks, behind);
    return 0;
}
