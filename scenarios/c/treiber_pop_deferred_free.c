// expect: outcomes "popped 5 left 1\n"
//
// The Treiber stack again, but pop does not free: popped nodes go on the
// popping thread's own retire list (through a field of their own, as a
// popper that lost the race may still read next), freed by main once
// every popper has been joined, so no thread can read a freed node's
// next (and with no reuse, no ABA).
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

struct node {
    int value;
    struct node *next;
    struct node *retired_next;
};

static _Atomic(struct node *) top;

static void push(int v)
{
    struct node *n = malloc(sizeof *n);
    n->value = v;
    n->next = atomic_load_explicit(&top, memory_order_relaxed);
    while (!atomic_compare_exchange_weak_explicit(
        &top, &n->next, n, memory_order_release, memory_order_relaxed))
        ;
}

static struct node *pop(void)
{
    struct node *h = atomic_load_explicit(&top, memory_order_acquire);
    while (h && !atomic_compare_exchange_weak_explicit(
                    &top, &h, h->next, memory_order_acquire,
                    memory_order_acquire))
        ;
    return h;
}

struct popper {
    struct node *retired;
    int sum;
};

static void *popper(void *arg)
{
    struct popper *p = arg;
    struct node *n = pop();
    if (n) {
        p->sum += n->value;
        n->retired_next = p->retired;
        p->retired = n;
    }
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    struct popper ps[2] = {{NULL, 0}, {NULL, 0}};
    push(1);
    push(2);
    push(3);
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, popper, &ps[i]);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    struct node *rest = pop();
    printf("popped %d left %d\n", ps[0].sum + ps[1].sum, rest->value);
    for (int i = 0; i < 2; i++)
        for (struct node *n = ps[i].retired, *next; n; n = next) {
            next = n->retired_next;
            free(n);
        }
    free(rest);
    return 0;
}
