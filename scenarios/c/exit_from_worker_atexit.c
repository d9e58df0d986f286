// expect: race leak
//
// A worker that hits a fatal error calls exit(), which runs the atexit
// handler that prints the statistics, while main is still updating them
// (exit does not stop the other threads first): the handler's reads race
// with main's writes.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static long requests, bytes;

static void report(void)
{
    fprintf(stderr, "requests %ld bytes %ld\n", requests, bytes);
}

static void *watchdog(void *arg)
{
    (void)arg;
    exit(2); /* "fatal: lost connection" */
}

int main(void)
{
    atexit(report);
    pthread_t w;
    pthread_create(&w, NULL, watchdog, NULL);
    for (int i = 0; i < 3; i++) {
        requests++;
        bytes += 100;
    }
    pthread_join(w, NULL);
    return 0;
}
