// expect: race
//
// The status line again, printed with puts and fputs: libc reads the
// buffer the worker rewrites, without a lock on either side.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static char status[32] = "starting";

static void *worker(void *arg)
{
    (void)arg;
    memcpy(status, "running", 8);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    fputs("status: ", stdout);
    puts(status); /* BUG: unlocked read */
    pthread_join(t, NULL);
    return 0;
}
