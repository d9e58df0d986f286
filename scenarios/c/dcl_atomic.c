// expect: outcomes "3 3\n"
//
// Double-checked locking done right: the fast path loads the pointer with
// acquire, the slow path publishes it with a release store under the
// mutex.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

struct logger {
    int level;
    char prefix[8];
};

static _Atomic(struct logger *) instance;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

static struct logger *get_logger(void)
{
    struct logger *l = atomic_load_explicit(&instance, memory_order_acquire);
    if (l == NULL) {
        pthread_mutex_lock(&mu);
        l = atomic_load_explicit(&instance, memory_order_relaxed);
        if (l == NULL) {
            l = malloc(sizeof *l);
            l->level = 3;
            l->prefix[0] = '>';
            l->prefix[1] = 0;
            atomic_store_explicit(&instance, l, memory_order_release);
        }
        pthread_mutex_unlock(&mu);
    }
    return l;
}

static void *worker(void *arg)
{
    (void)arg;
    return (void *)(long)get_logger()->level;
}

int main(void)
{
    pthread_t a, b;
    void *ra, *rb;
    pthread_create(&a, NULL, worker, NULL);
    pthread_create(&b, NULL, worker, NULL);
    pthread_join(a, &ra);
    pthread_join(b, &rb);
    printf("%ld %ld\n", (long)ra, (long)rb);
    free(atomic_load(&instance));
    return 0;
}
