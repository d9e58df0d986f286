// expect: outcomes "42\n"
//
// Message passing through a pointer published with release and read
// with memory_order_consume (the dependent read through the pointer is
// ordered; compilers treat consume as acquire).
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

struct msg {
    int value;
};

static _Atomic(struct msg *) box;

static void *producer(void *arg)
{
    (void)arg;
    struct msg *m = malloc(sizeof *m);
    m->value = 42;
    atomic_store_explicit(&box, m, memory_order_release);
    return NULL;
}

int main(void)
{
    pthread_t t;
    struct msg *m;
    pthread_create(&t, NULL, producer, NULL);
    while (!(m = atomic_load_explicit(&box, memory_order_consume)))
        sched_yield();
    printf("%d\n", m->value);
    pthread_join(t, NULL);
    free(m);
    return 0;
}
