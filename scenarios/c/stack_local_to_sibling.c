// expect: panic
//
// A launcher thread hands a sibling a pointer to a struct on its own
// stack and returns without waiting for it: when the sibling reads it,
// the launcher's stack is gone (or reused).
#include <pthread.h>
#include <stdio.h>

static pthread_t sibling;

static void *consume(void *arg)
{
    int *cfg = arg;
    return (void *)(long)cfg[1];
}

static void *launcher(void *arg)
{
    (void)arg;
    int cfg[2] = {3, 4}; /* BUG: outlived by the sibling */
    pthread_create(&sibling, NULL, consume, cfg);
    return NULL;
}

int main(void)
{
    pthread_t l;
    void *r;
    pthread_create(&l, NULL, launcher, NULL);
    pthread_join(l, NULL);
    pthread_join(sibling, &r);
    printf("%ld\n", (long)r);
    return 0;
}
