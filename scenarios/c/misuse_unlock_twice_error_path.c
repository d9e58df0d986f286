// expect: panic
//
// The error path unlocks and then jumps to the common exit, which unlocks
// again: an error-checking mutex unlocked while unlocked.
// (issue 15: a program written outside the suite.)
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t mu;
static int balance = 10;

static int withdraw(int n)
{
    int rc = 0;
    pthread_mutex_lock(&mu);
    if (balance < n) {
        pthread_mutex_unlock(&mu);
        rc = -1;
        goto out;
    }
    balance -= n;
out:
    pthread_mutex_unlock(&mu); /* BUG: unlocked twice on the error path */
    return rc;
}

static void *client(void *arg)
{
    int *rc = arg;
    *rc = withdraw(8);
    return NULL;
}

int main(void)
{
    pthread_mutexattr_t at;
    pthread_mutexattr_init(&at);
    pthread_mutexattr_settype(&at, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_init(&mu, &at);
    pthread_t t[2];
    int rc[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, client, &rc[i]);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("%d %d %d\n", rc[0], rc[1], balance);
    return 0;
}
