// expect: outcomes "changed 1\n"
//
// A config block copied with memcpy under its lock by a reader, and
// rewritten with memset/memcpy under the same lock by a writer; the
// reader later compares its snapshots with memcmp on its own copies. The
// libc calls touch shared memory only under the lock.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

struct config {
    char host[16];
    int port;
};

static struct config cfg = {"alpha", 80};
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

static void *writer(void *arg)
{
    (void)arg;
    struct config next;
    memset(&next, 0, sizeof next);
    strcpy(next.host, "beta");
    next.port = 8080;
    pthread_mutex_lock(&mu);
    memcpy(&cfg, &next, sizeof cfg);
    pthread_mutex_unlock(&mu);
    return NULL;
}

int main(void)
{
    struct config before, after;
    pthread_mutex_lock(&mu);
    memcpy(&before, &cfg, sizeof before);
    pthread_mutex_unlock(&mu);
    pthread_t t;
    pthread_create(&t, NULL, writer, NULL);
    pthread_join(t, NULL);
    pthread_mutex_lock(&mu);
    memcpy(&after, &cfg, sizeof after);
    pthread_mutex_unlock(&mu);
    printf("changed %d\n", memcmp(&before, &after, sizeof before) != 0);
    return 0;
}
