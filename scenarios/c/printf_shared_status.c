// expect: race
//
// A status line kept in a global buffer: a worker rewrites it with
// snprintf while main prints it with printf("%s") without a lock. printf
// reads the buffer inside libc while the worker writes it.
#include <pthread.h>
#include <stdio.h>

static char status[32] = "starting";

static void *worker(void *arg)
{
    (void)arg;
    snprintf(status, sizeof status, "running step %d", 2);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    printf("status: %s\n", status); /* BUG: unlocked read */
    pthread_join(t, NULL);
    return 0;
}
