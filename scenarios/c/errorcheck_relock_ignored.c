// expect: panic
//
// The same helper written as if the mutex were recursive: it ignores
// pthread_mutex_lock's EDEADLK and unlocks, releasing the caller's hold
// in the middle of its critical section; the caller's own unlock then
// finds the mutex unlocked (EPERM on an error-checking mutex, which the
// program does not expect: its locking is wrong).
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t acct;
static int balance, audits;

static void audit(void)
{
    pthread_mutex_lock(&acct);
    audits++;
    pthread_mutex_unlock(&acct);
}

static void *deposit(void *arg)
{
    pthread_mutex_lock(&acct);
    balance += (int)(long)arg;
    audit();
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
    pthread_join(t, NULL);
    printf("balance %d audits %d\n", balance, audits);
    return 0;
}
