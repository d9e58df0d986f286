// expect: panic race
//
// main hands a heap buffer to a detached thread that formats a report
// into it, then frees the buffer and returns without waiting: the write
// can come after the free (a use after free natively), unordered with it.
// Where the access comes after the free it is also a heap-use-after-free
// (a panic).
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static void *reporter(void *arg)
{
    char *buf = arg;
    snprintf(buf, 32, "job %d done", 7);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_attr_t attr;
    char *buf = malloc(32);
    buf[0] = 0;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_create(&t, &attr, reporter, buf);
    pthread_attr_destroy(&attr);
    free(buf);
    return 0;
}
