// expect: panic race
//
// A lock-free (Treiber) stack whose pop frees the node it took: a second
// popper that loaded the same head reads head->next after the first one
// freed it (a use after free, unordered with the free), the hazard that
// hazard pointers or epochs exist to prevent.
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
    n->next = atomic_load(&top);
    while (!atomic_compare_exchange_weak(&top, &n->next, n))
        ;
}

static int pop(void)
{
    struct node *h = atomic_load(&top);
    while (h && !atomic_compare_exchange_weak(&top, &h, h->next))
        ;
    if (!h)
        return -1;
    int v = h->value;
    free(h);
    return v;
}

static void *popper(void *arg)
{
    int *got = arg;
    *got = pop();
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    int ga, gb;
    push(1);
    push(2);
    push(3);
    pthread_create(&a, NULL, popper, &ga);
    pthread_create(&b, NULL, popper, &gb);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%d %d left %d\n", ga, gb, pop());
    return 0;
}
