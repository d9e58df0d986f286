// expect: race panic
//
// A reference-counted buffer whose release is split in two atomic steps:
// decrement, then load to see whether the count reached zero. Each step
// is atomic, the pair is not: both holders can decrement (2 -> 1 -> 0)
// before either loads, both see 0 and both free the buffer (a double
// free); and a holder whose load comes after the other's free reads
// freed memory (the load races with the free).
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

struct buf {
    atomic_int refs;
    char data[32];
};

static void buf_release(struct buf *b)
{
    atomic_fetch_sub(&b->refs, 1);
    if (atomic_load(&b->refs) == 0) /* BUG: use fetch_sub's result */
        free(b);
}

static void *user(void *arg)
{
    struct buf *b = arg;
    b->data[1] = 'u';
    buf_release(b);
    return NULL;
}

int main(void)
{
    struct buf *b = malloc(sizeof *b);
    if (b == NULL)
        return 1;
    atomic_init(&b->refs, 2);
    b->data[0] = 'm';
    pthread_t t;
    pthread_create(&t, NULL, user, b);
    buf_release(b);
    pthread_join(t, NULL);
    puts("done");
    return 0;
}
