// expect: race panic
//
// A shared buffer with a reference count, released by each user with a
// plain `--refs == 0` test: the decrements race, and both users can see
// 0 (a double free) or neither (a leak).
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct buf {
    int refs;
    char data[16];
};

static void put(struct buf *b)
{
    if (--b->refs == 0) /* BUG: not atomic */
        free(b);
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
    b->refs = 2;
    b->data[0] = 'x';
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, user, b);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("done\n");
    return 0;
}
