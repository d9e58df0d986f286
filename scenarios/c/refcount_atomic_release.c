// expect: outcomes "freed once\n"
//
// The fixed reference count: atomic_fetch_sub with release on every
// drop, and an acquire fence in the thread that dropped the last
// reference before it frees, so every user's reads happen before the
// free.
#include <stdatomic.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct buf {
    atomic_int refs;
    char data[16];
};

static atomic_int frees;

static void put(struct buf *b)
{
    if (atomic_fetch_sub_explicit(&b->refs, 1, memory_order_release) == 1) {
        atomic_thread_fence(memory_order_acquire);
        free(b);
        atomic_fetch_add(&frees, 1);
    }
}

static void *user(void *arg)
{
    struct buf *b = arg;
    int n = b->data[0];
    put(b);
    return (void *)(long)n;
}

int main(void)
{
    struct buf *b = calloc(1, sizeof *b);
    atomic_init(&b->refs, 3);
    b->data[0] = 'x';
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, user, b);
    put(b);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("freed %s\n", atomic_load(&frees) == 1 ? "once" : "wrongly");
    return 0;
}
