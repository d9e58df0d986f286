// expect: race panic
//
// A reloader swaps the shared config out from under a reader: it clears
// the pointer, frees the old block and publishes a new one, with no lock.
// When the reader runs inside that window it dereferences NULL and the
// process dies (SIGSEGV): weft reports the crash as a panic at the
// reader's line, with the races that allow it, and explores on.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct config {
    int port;
};
static struct config *cfg;

static void *reloader(void *arg)
{
    (void)arg;
    struct config *old = cfg;
    cfg = NULL;
    free(old);
    cfg = malloc(sizeof *cfg);
    cfg->port = 8081;
    return NULL;
}

int main(void)
{
    pthread_t t;
    cfg = malloc(sizeof *cfg);
    cfg->port = 8080;
    pthread_create(&t, NULL, reloader, NULL);
    printf("port %d\n", cfg->port);
    pthread_join(t, NULL);
    free(cfg);
    return 0;
}
