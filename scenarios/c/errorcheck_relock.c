// expect: panic
//
// An error-checking mutex reports its misuse instead of hanging: locking
// it again returns EDEADLK, unlocking it from a thread that does not own
// it returns EPERM. The program checks both and carries on.
//
// The relock's EDEADLK is no finding: a program may rely on it (lock
// unless the caller holds it already), and one that ignores it goes on
// to unlock twice, which is reported. The unlock by a non-owner is
// reported as a panic (as ThreadSanitizer reports it), as for the normal
// mutex's undefined behaviour: the program carries on only because it
// checks the code, which weft cannot tell from ignoring it.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t mu;

static void *other(void *arg)
{
    (void)arg;
    if (pthread_mutex_unlock(&mu) == EPERM)
        puts("EPERM");
    return NULL;
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
    if (pthread_mutex_lock(&mu) == EDEADLK)
        puts("EDEADLK");
    pthread_create(&t, NULL, other, NULL);
    pthread_join(t, NULL);
    pthread_mutex_unlock(&mu);
    pthread_mutex_destroy(&mu);
    return 0;
}
