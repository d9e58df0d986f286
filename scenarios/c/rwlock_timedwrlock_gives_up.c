// expect: outcomes "writer: timed out, reader saw 0\n" "writer: wrote, reader saw 1\n"
//
// A writer that will not wait long: pthread_rwlock_timedwrlock with a
// CLOCK_REALTIME deadline 100 ms away while a reader may hold the lock
// for 2 s. On ETIMEDOUT the writer skips its update, which is a normal
// outcome, not an error; on success it updates under the lock.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static int value;
static int reader_saw = -1;

static void *reader(void *arg)
{
    (void)arg;
    pthread_rwlock_rdlock(&rw);
    reader_saw = value;
    sleep(2);
    pthread_rwlock_unlock(&rw);
    return NULL;
}

int main(void)
{
    pthread_t r;
    pthread_create(&r, NULL, reader, NULL);
    struct timespec dl;
    clock_gettime(CLOCK_REALTIME, &dl);
    dl.tv_nsec += 100 * 1000000L;
    if (dl.tv_nsec >= 1000000000L) {
        dl.tv_sec++;
        dl.tv_nsec -= 1000000000L;
    }
    int rc = pthread_rwlock_timedwrlock(&rw, &dl);
    if (rc == 0) {
        value = 1;
        pthread_rwlock_unlock(&rw);
    } else if (rc != ETIMEDOUT) {
        return 1;
    }
    pthread_join(r, NULL);
    printf("writer: %s, reader saw %d\n", rc == 0 ? "wrote" : "timed out",
           reader_saw);
    return 0;
}
