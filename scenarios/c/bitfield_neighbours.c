// expect: race
//
// Two threads each set "their own" flag, but the flags are adjacent
// bit-fields of one struct: C11 makes a run of adjacent bit-fields one
// memory location, and each store is a read-modify-write of the shared
// byte, so the two updates race (one can undo the other).
#include <pthread.h>
#include <stdio.h>

static struct {
    unsigned loaded : 1;
    unsigned dirty : 1;
    unsigned refs : 6;
} flags;

static void *loader(void *arg)
{
    (void)arg;
    flags.loaded = 1;
    return NULL;
}

static void *writer(void *arg)
{
    (void)arg;
    flags.dirty = 1;
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, loader, NULL);
    pthread_create(&b, NULL, writer, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("loaded %u dirty %u\n", flags.loaded, flags.dirty);
    return 0;
}
