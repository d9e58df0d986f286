// expect: panic
//
// A reference count reached through a handle that was never translated
// into a pointer: the worker casts the raw handle value, an address
// nothing is mapped at, and increments it atomically, then locks the
// mutex beside it. Natively the process dies of SIGSEGV inside the
// atomic instruction; under weft the crash is the program's (a panic at
// its line), not an internal error of weft's runtime, which received the
// pointer and read it first.
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

struct obj {
    atomic_int refs;
    pthread_mutex_t lock;
};

static uintptr_t handle = 0xdeadbee0; /* meant: an index into a table */

static void *worker(void *arg)
{
    struct obj *o = (struct obj *)handle; /* the bug: no lookup */
    (void)arg;
    atomic_fetch_add(&o->refs, 1);
    pthread_mutex_lock(&o->lock);
    pthread_mutex_unlock(&o->lock);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_join(t, NULL);
    return 0;
}
