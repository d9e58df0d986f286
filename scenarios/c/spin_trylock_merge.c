// expect: outcomes "total 6\n"
//
// pthread_spin_trylock with a local fallback: a worker that finds the
// spin lock busy keeps counting locally and merges later with a
// blocking pthread_spin_lock.
#include <pthread.h>
#include <stdio.h>

static pthread_spinlock_t sl;
static int total;

static void *worker(void *arg)
{
    int pending = 0;
    (void)arg;
    for (int i = 0; i < 3; i++) {
        pending++;
        if (pthread_spin_trylock(&sl) == 0) {
            total += pending;
            pending = 0;
            pthread_spin_unlock(&sl);
        }
    }
    if (pending) {
        pthread_spin_lock(&sl);
        total += pending;
        pthread_spin_unlock(&sl);
    }
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_spin_init(&sl, PTHREAD_PROCESS_PRIVATE);
    pthread_create(&a, NULL, worker, NULL);
    pthread_create(&b, NULL, worker, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("total %d\n", total);
    pthread_spin_destroy(&sl);
    return 0;
}
