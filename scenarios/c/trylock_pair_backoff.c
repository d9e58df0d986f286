// expect: outcomes "a 10 b 10\n"
// weft: --preemptions 2
//
// Two threads each need both locks but take them in opposite orders; to
// avoid the AB-BA deadlock each takes its first lock, then only tries
// the second, and on EBUSY drops the first, backs off and retries.
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

static pthread_mutex_t ma = PTHREAD_MUTEX_INITIALIZER, mb = PTHREAD_MUTEX_INITIALIZER;
static int a = 5, b = 15;

static void lock_both(pthread_mutex_t *first, pthread_mutex_t *second)
{
    for (;;) {
        pthread_mutex_lock(first);
        if (pthread_mutex_trylock(second) == 0)
            return;
        pthread_mutex_unlock(first);
        sched_yield();
    }
}

static void *move_a_to_b(void *arg)
{
    (void)arg;
    lock_both(&ma, &mb);
    a -= 5, b += 5;
    pthread_mutex_unlock(&mb);
    pthread_mutex_unlock(&ma);
    return NULL;
}

static void *move_b_to_a(void *arg)
{
    (void)arg;
    lock_both(&mb, &ma);
    b -= 10, a += 10;
    pthread_mutex_unlock(&ma);
    pthread_mutex_unlock(&mb);
    return NULL;
}

int main(void)
{
    pthread_t x, y;
    pthread_create(&x, NULL, move_a_to_b, NULL);
    pthread_create(&y, NULL, move_b_to_a, NULL);
    pthread_join(x, NULL);
    pthread_join(y, NULL);
    printf("a %d b %d\n", a, b);
    return 0;
}
