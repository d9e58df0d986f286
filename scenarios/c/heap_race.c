// expect: race
//
// A heap object handed to a thread and written by both without a lock.
#include <pthread.h>
#include <stdlib.h>

struct acct {
    int balance;
};

static void *deposit(void *arg)
{
    struct acct *a = arg;
    a->balance += 10;
    return NULL;
}

int main(void)
{
    struct acct *a = calloc(1, sizeof *a);
    pthread_t t;
    pthread_create(&t, NULL, deposit, a);
    a->balance += 5; /* not ordered with the thread's write */
    pthread_join(t, NULL);
    free(a);
    return 0;
}
