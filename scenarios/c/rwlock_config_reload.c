// expect: outcomes "ok\n"
//
// A configuration read by many threads under a read lock and replaced as
// a whole under the write lock; readers check that the two fields always
// match.
#include <assert.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

struct config {
    int version;
    int version_check;
    char name[16];
};

static struct config cfg = {1, 1, "one"};
static pthread_rwlock_t cfg_lock = PTHREAD_RWLOCK_INITIALIZER;

static void *reader(void *arg)
{
    (void)arg;
    for (int i = 0; i < 2; i++) {
        pthread_rwlock_rdlock(&cfg_lock);
        assert(cfg.version == cfg.version_check);
        assert(strlen(cfg.name) > 0);
        pthread_rwlock_unlock(&cfg_lock);
    }
    return NULL;
}

static void *reloader(void *arg)
{
    (void)arg;
    pthread_rwlock_wrlock(&cfg_lock);
    cfg.version = 2;
    strcpy(cfg.name, "two");
    cfg.version_check = 2;
    pthread_rwlock_unlock(&cfg_lock);
    return NULL;
}

int main(void)
{
    pthread_t r1, r2, w;
    pthread_create(&r1, NULL, reader, NULL);
    pthread_create(&r2, NULL, reader, NULL);
    pthread_create(&w, NULL, reloader, NULL);
    pthread_join(r1, NULL);
    pthread_join(r2, NULL);
    pthread_join(w, NULL);
    puts("ok");
    return 0;
}
