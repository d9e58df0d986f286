// expect: panic
//
// A lock taken through a pointer that was never set: glibc would crash
// inside pthread_mutex_lock. The crash is the program's (a panic at its
// call), not an internal error of weft's runtime, which received the
// pointer.
#include <pthread.h>
#include <stddef.h>

struct shared {
    pthread_mutex_t *lock; /* meant to point at a mutex: never set */
    int count;
};

static struct shared sh;

static void *worker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(sh.lock);
    sh.count++;
    pthread_mutex_unlock(sh.lock);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_join(t, NULL);
    return 0;
}
