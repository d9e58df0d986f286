// expect: race
//
// Double-checked locking with a `volatile` flag: volatile keeps the
// compiler from caching the flag but gives no ordering between threads,
// so the unlocked first check races with the initialising write of the
// flag, and the configuration read on the fast path races with its
// initialisation.
#include <pthread.h>
#include <stdio.h>

static volatile int initialized;
static int config_port;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

static int port(void)
{
    if (!initialized) {
        pthread_mutex_lock(&mu);
        if (!initialized) {
            config_port = 8080;
            initialized = 1;
        }
        pthread_mutex_unlock(&mu);
    }
    return config_port;
}

static void *client(void *arg)
{
    (void)arg;
    return (void *)(long)port();
}

int main(void)
{
    pthread_t a, b;
    void *ra, *rb;
    pthread_create(&a, NULL, client, NULL);
    pthread_create(&b, NULL, client, NULL);
    pthread_join(a, &ra);
    pthread_join(b, &rb);
    printf("%ld %ld\n", (long)ra, (long)rb);
    return 0;
}
