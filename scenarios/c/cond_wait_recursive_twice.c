// expect: panic
//
// A recursive mutex locked twice (once by the caller, once by a helper)
// when the helper waits on a condition variable: pthread_cond_wait
// releases one level only (glibc), so the mutex stays held and the
// signaller can never take it to set the flag (natively the program
// hangs; helgrind: "Exiting thread still holds 1 lock"). weft reports
// the wait itself, where the mutex is held twice.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t mu;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ready;

static void wait_ready(void)
{
    pthread_mutex_lock(&mu);
    while (!ready)
        pthread_cond_wait(&cv, &mu);
    pthread_mutex_unlock(&mu);
}

static void *setter(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu);
    ready = 1;
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&mu);
    return NULL;
}

int main(void)
{
    pthread_mutexattr_t at;
    pthread_mutexattr_init(&at);
    pthread_mutexattr_settype(&at, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&mu, &at);
    pthread_t t;
    pthread_mutex_lock(&mu);
    pthread_create(&t, NULL, setter, NULL);
    wait_ready(); /* BUG: mu is held twice here */
    pthread_mutex_unlock(&mu);
    pthread_join(t, NULL);
    printf("ready\n");
    return 0;
}
