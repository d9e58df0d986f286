// expect: ok
//
// errno is per thread: two workers poll a semaphore with sem_trywait
// and read errno right after a failure (EAGAIN) while the other thread
// may be succeeding or failing at the same moment; a third thread's
// strtol sets errno to ERANGE. None sees another's errno.
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>

static sem_t tokens;

static void *poller(void *arg)
{
    int *bad = arg;
    int got = 0, busy = 0;
    while (got < 1) {
        errno = 0;
        if (sem_trywait(&tokens) == 0) {
            if (errno != 0)
                (*bad)++;
            got++;
        } else if (errno == EAGAIN) {
            busy++;
            sched_yield();
        } else {
            (*bad)++;
            break;
        }
        if (busy > 2)
            break;
    }
    return NULL;
}

static void *parser(void *arg)
{
    int *bad = arg;
    errno = 0;
    long v = strtol("99999999999999999999999", NULL, 10);
    if (v != LONG_MAX || errno != ERANGE)
        (*bad)++;
    errno = 0;
    v = strtol("42", NULL, 10);
    if (v != 42 || errno != 0)
        (*bad)++;
    sem_post(&tokens);
    sem_post(&tokens);
    return NULL;
}

int main(void)
{
    pthread_t a, b, c;
    int bad[3] = {0, 0, 0};
    sem_init(&tokens, 0, 0);
    pthread_create(&a, NULL, poller, &bad[0]);
    pthread_create(&b, NULL, poller, &bad[1]);
    pthread_create(&c, NULL, parser, &bad[2]);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    pthread_join(c, NULL);
    sem_destroy(&tokens);
    if (bad[0] + bad[1] + bad[2] != 0) {
        printf("errno leaked between threads\n");
        return 1;
    }
    return 0;
}
