// expect: outcomes "freed\n"
//
// Reference counting as Boost and the Linux kernel do it: each owner
// drops its reference with a release decrement; the one that drops the
// last takes an acquire fence before freeing, which orders every other
// owner's use of the object before the free (no race, no use after free).
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

struct obj {
    atomic_int refs;
    int payload;
};

static void put(struct obj *o)
{
    if (atomic_fetch_sub_explicit(&o->refs, 1, memory_order_release) == 1) {
        atomic_thread_fence(memory_order_acquire);
        o->payload = -1;
        free(o);
        printf("freed\n");
    }
}

static void *user(void *arg)
{
    struct obj *o = arg;
    o->payload++;
    put(o);
    return NULL;
}

int main(void)
{
    pthread_t t;
    struct obj *o = malloc(sizeof *o);
    atomic_init(&o->refs, 2);
    o->payload = 0;
    pthread_create(&t, NULL, user, o);
    put(o);
    pthread_join(t, NULL);
    return 0;
}
