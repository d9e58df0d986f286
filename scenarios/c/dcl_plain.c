// expect: race
//
// Double-checked locking with a plain pointer: the first check reads the
// pointer outside the lock while another thread writes it inside, and the
// object's fields may be seen before they are written.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct logger {
    int level;
    char prefix[8];
};

static struct logger *instance;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

static struct logger *get_logger(void)
{
    if (instance == NULL) {
        pthread_mutex_lock(&mu);
        if (instance == NULL) {
            struct logger *l = malloc(sizeof *l);
            l->level = 3;
            l->prefix[0] = '>';
            l->prefix[1] = 0;
            instance = l;
        }
        pthread_mutex_unlock(&mu);
    }
    return instance;
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
    free(instance);
    return 0;
}
