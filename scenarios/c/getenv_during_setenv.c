// expect: race
//
// A worker reads its configuration with getenv while main, having
// started it, "updates" the environment with setenv. POSIX says setenv
// need not be thread-safe and getenv may be invalidated by it: glibc's
// setenv may move the environment array (realloc) and write its
// entries while getenv walks it.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *worker(void *arg)
{
    int *level = arg;
    for (int i = 0; i < 2; i++) {
        const char *v = getenv("WORKER_LEVEL");
        if (v != NULL)
            *level = atoi(v);
    }
    return NULL;
}

int main(void)
{
    pthread_t t;
    int level = -1;
    char name[32];
    setenv("WORKER_LEVEL", "1", 1);
    pthread_create(&t, NULL, worker, &level);
    for (int i = 0; i < 3; i++) {
        snprintf(name, sizeof name, "EXTRA_VAR_%d", i);
        setenv(name, "x", 1);
    }
    setenv("WORKER_LEVEL", "2", 1);
    pthread_join(t, NULL);
    printf("level %d\n", level);
    return 0;
}
