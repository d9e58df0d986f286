// A robust mutex whose owner thread ends holding it; the next locker gets
// EOWNERDEAD and repairs the state. weft does not model robust mutexes:
// tests/e2e/cc.sh checks that it says so at the init, exit status 2.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t mu;
static int count;

static void *crashy(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu);
    count++;
    return NULL; /* ends holding the mutex */
}

int main(void)
{
    pthread_mutexattr_t a;
    pthread_t t;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
    pthread_mutex_init(&mu, &a);
    pthread_mutexattr_destroy(&a);
    pthread_create(&t, NULL, crashy, NULL);
    pthread_join(t, NULL);
    int rc = pthread_mutex_lock(&mu);
    if (rc == EOWNERDEAD) {
        pthread_mutex_consistent(&mu);
        count++;
        printf("EOWNERDEAD, recovered, count %d\n", count);
    } else {
        printf("rc %d\n", rc);
    }
    pthread_mutex_unlock(&mu);
    return 0;
}
