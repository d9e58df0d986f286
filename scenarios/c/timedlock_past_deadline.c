// expect: outcomes "free: 0, held: ETIMEDOUT\n"
//
// pthread_mutex_timedlock with a deadline already in the past: POSIX
// says a mutex that can be locked at once is locked whatever the
// deadline, and a held one fails with ETIMEDOUT without waiting.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t hs = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int held, release_it;

static void *holder(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu);
    pthread_mutex_lock(&hs);
    held = 1;
    pthread_cond_broadcast(&cv);
    while (!release_it)
        pthread_cond_wait(&cv, &hs);
    pthread_mutex_unlock(&hs);
    pthread_mutex_unlock(&mu);
    return NULL;
}

int main(void)
{
    struct timespec past;
    pthread_t t;
    clock_gettime(CLOCK_REALTIME, &past);
    past.tv_sec -= 10;
    int r1 = pthread_mutex_timedlock(&mu, &past);
    if (r1 == 0)
        pthread_mutex_unlock(&mu);
    pthread_create(&t, NULL, holder, NULL);
    pthread_mutex_lock(&hs);
    while (!held)
        pthread_cond_wait(&cv, &hs);
    pthread_mutex_unlock(&hs);
    int r2 = pthread_mutex_timedlock(&mu, &past);
    pthread_mutex_lock(&hs);
    release_it = 1;
    pthread_cond_broadcast(&cv);
    pthread_mutex_unlock(&hs);
    pthread_join(t, NULL);
    printf("free: %d, held: %s\n", r1, r2 == ETIMEDOUT ? "ETIMEDOUT" : "other");
    return 0;
}
