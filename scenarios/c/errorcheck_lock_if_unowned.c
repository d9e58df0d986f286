// expect: outcomes "balance 30 audits 2\n"
//
// A helper that may be called with the account's error-checking mutex
// held or not: it locks, and on EDEADLK (the caller already holds it)
// goes on without locking again and leaves the unlock to the caller, as
// POSIX defines for PTHREAD_MUTEX_ERRORCHECK. Correct in every
// interleaving.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t acct;
static int balance, audits;

static void audit(void)
{
    int rc = pthread_mutex_lock(&acct);
    if (rc != 0 && rc != EDEADLK)
        return;
    audits++;
    if (rc == 0)
        pthread_mutex_unlock(&acct);
}

static void *deposit(void *arg)
{
    pthread_mutex_lock(&acct);
    balance += (int)(long)arg;
    audit(); /* with the lock held */
    pthread_mutex_unlock(&acct);
    return NULL;
}

int main(void)
{
    pthread_mutexattr_t a;
    pthread_t t;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_init(&acct, &a);
    pthread_mutexattr_destroy(&a);
    pthread_create(&t, NULL, deposit, (void *)30L);
    audit(); /* without it */
    pthread_join(t, NULL);
    printf("balance %d audits %d\n", balance, audits);
    pthread_mutex_destroy(&acct);
    return 0;
}
