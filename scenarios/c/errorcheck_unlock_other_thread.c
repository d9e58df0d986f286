// expect: panic
//
// A "handoff" where the thread that locked a mutex expects another to
// unlock it when the work is done: with an error-checking mutex the
// unlock by a thread that does not own it fails (EPERM) and the mutex
// stays locked; the program ignores the error.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t busy;
static int work;

static void *finisher(void *arg)
{
    (void)arg;
    work = 1;
    pthread_mutex_unlock(&busy); /* BUG: not the owner */
    return NULL;
}

int main(void)
{
    pthread_mutexattr_t at;
    pthread_mutexattr_init(&at);
    pthread_mutexattr_settype(&at, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_init(&busy, &at);
    pthread_mutex_lock(&busy);
    pthread_t t;
    pthread_create(&t, NULL, finisher, NULL);
    pthread_join(t, NULL);
    printf("work %d\n", work);
    pthread_mutex_unlock(&busy);
    return 0;
}
