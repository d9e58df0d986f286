// expect: panic
//
// A worker computes its result in a local struct and hands main a pointer
// to it through a global, then returns; main joins it and reads the
// result through the pointer, from a stack frame that no longer exists
// (natively it often still holds the value, until something reuses the
// stack). The join orders the accesses, so this is no race: it is a
// stack-use-after-return.
#include <pthread.h>

struct result {
    int sum, n;
};

static struct result *out;

static void *worker(void *arg)
{
    struct result r = {0, 0};
    for (int i = 1; i <= 3; i++) {
        r.sum += i;
        r.n++;
    }
    out = &r; /* the bug: r dies when the worker returns */
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_join(t, NULL);
    return out->sum == 6 ? 0 : 1;
}
