// expect: outcomes "a=2 b=2\n"
//
// A spinlock on C11's atomic_flag (test-and-set with acquire, clear with
// release) guarding a two-field record that must stay consistent.
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_flag lk = ATOMIC_FLAG_INIT;
static struct { int a, b; } rec;

static void *worker(void *arg)
{
    (void)arg;
    while (atomic_flag_test_and_set_explicit(&lk, memory_order_acquire))
        ;
    rec.a++;
    assert(rec.a == rec.b + 1);
    rec.b++;
    atomic_flag_clear_explicit(&lk, memory_order_release);
    return NULL;
}

int main(void)
{
    pthread_t x, y;
    pthread_create(&x, NULL, worker, NULL);
    pthread_create(&y, NULL, worker, NULL);
    pthread_join(x, NULL);
    pthread_join(y, NULL);
    printf("a=%d b=%d\n", rec.a, rec.b);
    return 0;
}
