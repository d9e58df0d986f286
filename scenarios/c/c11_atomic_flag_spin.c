// expect: outcomes "8000\n"
//
// C11 threads with a spinlock built on atomic_flag: test_and_set with
// acquire to enter, clear with release to leave, thrd_yield while busy.
// Two threads each add 2000 twice to a plain counter under the lock.
#include <stdatomic.h>
#include <stdio.h>
#include <threads.h>

static atomic_flag lock = ATOMIC_FLAG_INIT;
static long counter;

static int worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 2; i++) {
        while (atomic_flag_test_and_set_explicit(&lock, memory_order_acquire))
            thrd_yield();
        counter += 1000;
        counter += 1000;
        atomic_flag_clear_explicit(&lock, memory_order_release);
    }
    return 0;
}

int main(void)
{
    thrd_t a, b;
    thrd_create(&a, worker, NULL);
    thrd_create(&b, worker, NULL);
    thrd_join(a, NULL);
    thrd_join(b, NULL);
    printf("%ld\n", counter);
    return 0;
}
