// expect: panic
//
// An error-checking mutex unlocked by a thread that does not own it:
// POSIX makes that an error (EPERM), and weft reports it as misuse.
#include <pthread.h>

static pthread_mutex_t mu;

static void *other(void *arg)
{
    (void)arg;
    pthread_mutex_unlock(&mu); /* main holds it */
    return NULL;
}

int main(void)
{
    pthread_mutexattr_t a;
    pthread_t t;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_init(&mu, &a);
    pthread_mutex_lock(&mu);
    pthread_create(&t, NULL, other, NULL);
    pthread_join(t, NULL);
    pthread_mutex_unlock(&mu);
    return 0;
}
