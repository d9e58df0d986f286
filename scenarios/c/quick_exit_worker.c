// expect: leak
//
// A worker that detects a fatal condition calls quick_exit(3), which
// runs the at_quick_exit handlers (not atexit's) and ends the process
// while main waits in join. As with exit from a worker, main is left
// waiting in join for a thread still running when the process ended: a
// leak warning that says so (the output is the handler's line).
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static void flush_log(void)
{
    printf("flushed by at_quick_exit\n");
    fflush(stdout);
}

static void *worker(void *arg)
{
    (void)arg;
    quick_exit(3);
}

int main(void)
{
    pthread_t t;
    at_quick_exit(flush_log);
    pthread_create(&t, NULL, worker, NULL);
    pthread_join(t, NULL);
    printf("not reached\n");
    return 0;
}
