/* One execution that never ends: a thread computes a while and takes a
 * lock, in a loop, while main computes forever without a weft call.
 * --time-limit must hold (tests/e2e/cc.sh). */
#include <pthread.h>

static volatile unsigned long x, work;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *locker(void *arg)
{
    for (;;) {
        for (int i = 0; i < 2000; i++)
            work += (unsigned long)i;
        pthread_mutex_lock(&m);
        x++;
        pthread_mutex_unlock(&m);
    }
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, 0, locker, 0);
    for (;;)
        work += 1;
    return 0;
}
