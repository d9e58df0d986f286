// expect: race
//
// A CAS spinlock whose lock word is a plain int: acquiring uses
// __atomic_compare_exchange_n, but releasing is an ordinary store
// `lock_word = 0`. The plain store races with the other thread's atomic
// CAS on the same word (C11: a non-atomic access and an atomic one that
// are not ordered), and it releases nothing, so the counter races too.
#include <pthread.h>
#include <stdio.h>

static int lock_word;
static long counter;

static void spin_lock(void)
{
    int expected;
    do {
        expected = 0;
    } while (!__atomic_compare_exchange_n(&lock_word, &expected, 1, 0,
                                          __ATOMIC_ACQUIRE, __ATOMIC_RELAXED));
}

static void spin_unlock(void)
{
    lock_word = 0; /* BUG: plain store */
}

static void *inc(void *arg)
{
    (void)arg;
    for (int i = 0; i < 2; i++) {
        spin_lock();
        counter++;
        spin_unlock();
    }
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, inc, NULL);
    pthread_create(&b, NULL, inc, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%ld\n", counter);
    return 0;
}
