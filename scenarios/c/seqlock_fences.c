// expect: outcomes "consistent\n"
// weft: --preemptions 2
//
// Boehm's seqlock with fences ("Can seqlocks get along with programming
// language memory models?", MSPC 2012): the data are relaxed atomics;
// the writer bumps the sequence to odd (relaxed), issues a release fence,
// writes, and publishes the even sequence with a release store; the
// reader loads the sequence with acquire, the data relaxed, then an
// acquire fence before it reloads the sequence. A reader that sees the
// same even sequence twice has a consistent pair.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_uint seq;
static atomic_int d1, d2;

static void *writer(void *arg)
{
    (void)arg;
    for (int v = 1; v <= 2; v++) {
        unsigned s = atomic_load_explicit(&seq, memory_order_relaxed);
        atomic_store_explicit(&seq, s + 1, memory_order_relaxed);
        atomic_thread_fence(memory_order_release);
        atomic_store_explicit(&d1, v, memory_order_relaxed);
        atomic_store_explicit(&d2, -v, memory_order_relaxed);
        atomic_store_explicit(&seq, s + 2, memory_order_release);
    }
    return NULL;
}

static void *reader(void *arg)
{
    int *ok = arg;
    for (;;) {
        unsigned s0 = atomic_load_explicit(&seq, memory_order_acquire);
        if (s0 & 1)
            continue;
        int a = atomic_load_explicit(&d1, memory_order_relaxed);
        int b = atomic_load_explicit(&d2, memory_order_relaxed);
        atomic_thread_fence(memory_order_acquire);
        unsigned s1 = atomic_load_explicit(&seq, memory_order_relaxed);
        if (s0 == s1) {
            *ok = (a == -b);
            return NULL;
        }
    }
}

int main(void)
{
    int ok = 0;
    pthread_t w, r;
    pthread_create(&w, NULL, writer, NULL);
    pthread_create(&r, NULL, reader, &ok);
    pthread_join(w, NULL);
    pthread_join(r, NULL);
    puts(ok ? "consistent" : "torn");
    return 0;
}
