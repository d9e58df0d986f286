// expect: panic
//
// An error-checking mutex used defensively: a watchdog thread tries to
// unlock the lock it does not own (as a buggy recovery path might); the
// mutex refuses with EPERM, the watchdog notes it and does nothing
// else, and the owner's critical sections are unaffected. The program's
// output is right, but the unlock by a thread that holds nothing is a
// misuse, reported (ThreadSanitizer reports it too: "unlock of an
// unlocked mutex (or by a wrong thread)"), as errorcheck_relock.c.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t lock;
static int count;
static int eperm_seen;
static pthread_mutex_t flag_mu = PTHREAD_MUTEX_INITIALIZER;

static void *watchdog(void *arg)
{
    (void)arg;
    int r = pthread_mutex_unlock(&lock);
    pthread_mutex_lock(&flag_mu);
    if (r == EPERM)
        eperm_seen = 1;
    pthread_mutex_unlock(&flag_mu);
    return NULL;
}

static void *worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 3; i++) {
        if (pthread_mutex_lock(&lock) != 0)
            return (void *)1;
        count++;
        if (pthread_mutex_unlock(&lock) != 0)
            return (void *)1;
    }
    return NULL;
}

int main(void)
{
    pthread_mutexattr_t attr;
    pthread_t w, d;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_init(&lock, &attr);
    pthread_mutexattr_destroy(&attr);
    pthread_create(&w, NULL, worker, NULL);
    pthread_create(&d, NULL, watchdog, NULL);
    void *wr;
    pthread_join(w, &wr);
    pthread_join(d, NULL);
    if (wr != NULL)
        return 1;
    printf("%s, count %d\n", eperm_seen ? "EPERM seen" : "no EPERM", count);
    pthread_mutex_destroy(&lock);
    return 0;
}
