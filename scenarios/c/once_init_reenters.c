// expect: deadlock
//
// A lazily built registry whose init routine registers a default entry
// through the public API, which calls pthread_once on the same control
// again: the nested pthread_once waits for the init in progress, which
// is its own caller (glibc: it blocks forever).
#include <pthread.h>
#include <stdio.h>

static pthread_once_t reg_once = PTHREAD_ONCE_INIT;
static int entries[4], nentries;

static void registry_init(void);

static void registry_add(int v)
{
    pthread_once(&reg_once, registry_init);
    entries[nentries++] = v;
}

static void registry_init(void)
{
    nentries = 0;
    registry_add(0); /* the default entry */
}

static void *worker(void *arg)
{
    (void)arg;
    registry_add(1);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_join(t, NULL);
    printf("entries %d\n", nentries);
    return 0;
}
