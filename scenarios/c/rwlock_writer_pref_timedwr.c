// expect: outcomes "writer: timed out, late reader got in\n"
//
// A writer-preferring rwlock (PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP):
// a waiting writer holds back new readers. The writer gives up with
// pthread_rwlock_timedwrlock after 100 ms while a reader holds the lock
// for 2 s; once it has given up it must no longer hold back readers, so a
// late reader (arriving at 500 ms, before the first reader leaves) gets
// in with a timed rdlock of its own.
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static pthread_rwlock_t rw;
static int late_ok;

static void deadline(struct timespec *ts, long ms)
{
    clock_gettime(CLOCK_REALTIME, ts);
    ts->tv_sec += ms / 1000;
    ts->tv_nsec += (ms % 1000) * 1000000L;
    if (ts->tv_nsec >= 1000000000L) {
        ts->tv_sec++;
        ts->tv_nsec -= 1000000000L;
    }
}

static void *first_reader(void *arg)
{
    (void)arg;
    pthread_rwlock_rdlock(&rw);
    sleep(2);
    pthread_rwlock_unlock(&rw);
    return NULL;
}

static void *late_reader(void *arg)
{
    (void)arg;
    usleep(500 * 1000);
    struct timespec dl;
    deadline(&dl, 300);
    if (pthread_rwlock_timedrdlock(&rw, &dl) == 0) {
        late_ok = 1;
        pthread_rwlock_unlock(&rw);
    }
    return NULL;
}

int main(void)
{
    pthread_rwlockattr_t a;
    pthread_rwlockattr_init(&a);
    pthread_rwlockattr_setkind_np(&a,
                                  PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP);
    pthread_rwlock_init(&rw, &a);
    pthread_rwlockattr_destroy(&a);
    pthread_t r1, r2;
    pthread_create(&r1, NULL, first_reader, NULL);
    usleep(10 * 1000); /* let the first reader in */
    pthread_create(&r2, NULL, late_reader, NULL);
    struct timespec dl;
    deadline(&dl, 100);
    int rc = pthread_rwlock_timedwrlock(&rw, &dl);
    if (rc == 0)
        pthread_rwlock_unlock(&rw);
    pthread_join(r1, NULL);
    pthread_join(r2, NULL);
    printf("writer: %s, late reader %s\n",
           rc == 0 ? "wrote" : rc == ETIMEDOUT ? "timed out" : "error",
           late_ok ? "got in" : "timed out");
    return 0;
}
