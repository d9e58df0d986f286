// expect: race
//
// A snapshot thread copies the whole config struct (a struct
// assignment) while the updater writes one of its fields under a lock
// the snapshot does not take: the copy reads that field, a race.
#include <pthread.h>
#include <stdio.h>

struct config {
    int port;
    int workers;
    char name[8];
};

static struct config cfg = {80, 2, "srv"};
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

static void *updater(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu);
    cfg.workers = 4;
    pthread_mutex_unlock(&mu);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, updater, NULL);
    struct config snap = cfg;
    pthread_join(t, NULL);
    printf("%d %d %s\n", snap.port, snap.workers, snap.name);
    return 0;
}
