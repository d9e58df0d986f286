// expect: outcomes "trylock by owner: EBUSY, by other: EBUSY, after unlock: 0\n"
//
// pthread_mutex_trylock on an error-checking mutex the caller already
// holds: POSIX's trylock returns EBUSY whenever the mutex is locked,
// "including the current thread" (only a recursive mutex counts up), so
// the owner's try fails like any other thread's; a poller that checks
// the code is correct.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t mu;
static int other_rc = -1;

static void *other(void *arg)
{
    (void)arg;
    other_rc = pthread_mutex_trylock(&mu);
    if (other_rc == 0)
        pthread_mutex_unlock(&mu);
    return NULL;
}

static const char *name(int rc)
{
    return rc == EBUSY ? "EBUSY" : rc == 0 ? "0" : "other";
}

int main(void)
{
    pthread_mutexattr_t a;
    pthread_t t;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_init(&mu, &a);
    pthread_mutexattr_destroy(&a);
    pthread_mutex_lock(&mu);
    int self_rc = pthread_mutex_trylock(&mu);
    pthread_create(&t, NULL, other, NULL);
    pthread_join(t, NULL);
    pthread_mutex_unlock(&mu);
    int after = pthread_mutex_trylock(&mu);
    if (after == 0)
        pthread_mutex_unlock(&mu);
    printf("trylock by owner: %s, by other: %s, after unlock: %s\n",
           name(self_rc), name(other_rc), name(after));
    pthread_mutex_destroy(&mu);
    return 0;
}
