// expect: outcomes "count 4 sum 10\n"
//
// A lock-free (Treiber) stack: threads push heap nodes with a C11
// compare-exchange loop (release on success); main pops everything after
// the joins and frees it.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

struct node {
    int value;
    struct node *next;
};

static _Atomic(struct node *) top;

static void push(int v)
{
    struct node *n = malloc(sizeof *n);
    n->value = v;
    n->next = atomic_load_explicit(&top, memory_order_relaxed);
    while (!atomic_compare_exchange_weak_explicit(&top, &n->next, n,
                                                  memory_order_release,
                                                  memory_order_relaxed))
        ;
}

static void *pusher(void *arg)
{
    int base = (int)(long)arg;
    push(base);
    push(base + 1);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    int count = 0, sum = 0;
    pthread_create(&a, NULL, pusher, (void *)1L);
    pthread_create(&b, NULL, pusher, (void *)3L);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    for (struct node *n = atomic_load(&top), *next; n; n = next) {
        next = n->next;
        count++;
        sum += n->value;
        free(n);
    }
    printf("count %d sum %d\n", count, sum);
    return 0;
}
