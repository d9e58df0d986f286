// expect: outcomes "consistent\n"
// weft: --preemptions 2
//
// A seqlock: the writer makes the sequence odd, updates both fields and
// makes it even again; a reader retries while the sequence is odd or
// changed under it. The fields are atomics (relaxed), so the reads that
// a retry discards are not data races; the sequence uses seq_cst.
#include <stdatomic.h>
#include <pthread.h>
#include <stdio.h>

static atomic_uint seq;
static atomic_int x, y; /* invariant: y == 2 * x */

static void *writer(void *arg)
{
    (void)arg;
    for (int i = 1; i <= 2; i++) {
        atomic_fetch_add(&seq, 1);
        atomic_store_explicit(&x, i, memory_order_relaxed);
        atomic_store_explicit(&y, 2 * i, memory_order_relaxed);
        atomic_fetch_add(&seq, 1);
    }
    return NULL;
}

int main(void)
{
    pthread_t w;
    pthread_create(&w, NULL, writer, NULL);
    int ok = 1;
    for (int k = 0; k < 2; k++) {
        unsigned s0, s1;
        int a, b;
        do {
            s0 = atomic_load(&seq);
            a = atomic_load_explicit(&x, memory_order_relaxed);
            b = atomic_load_explicit(&y, memory_order_relaxed);
            s1 = atomic_load(&seq);
        } while ((s0 & 1) || s0 != s1);
        ok &= b == 2 * a;
    }
    pthread_join(w, NULL);
    printf("%s\n", ok ? "consistent" : "torn");
    return 0;
}
