// expect: outcomes "popped 2 left 1\n"
//
// A lock-free stack whose head is a {pointer, tag} pair swapped with a
// 16-byte compare-exchange (the tag defeats ABA), nodes never freed
// during the run.
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>

struct node {
    struct node *next;
    int value;
};

struct head {
    struct node *ptr;
    uintptr_t tag;
};

static _Atomic struct head top;
static struct node nodes[3];

static void push(struct node *n)
{
    struct head old = atomic_load(&top), new;
    do {
        n->next = old.ptr;
        new.ptr = n;
        new.tag = old.tag + 1;
    } while (!atomic_compare_exchange_weak(&top, &old, new));
}

static struct node *pop(void)
{
    struct head old = atomic_load(&top), new;
    do {
        if (!old.ptr)
            return NULL;
        new.ptr = old.ptr->next;
        new.tag = old.tag + 1;
    } while (!atomic_compare_exchange_weak(&top, &old, new));
    return old.ptr;
}

static void *popper(void *arg)
{
    int *got = arg;
    struct node *n = pop();
    *got = n ? 1 : 0;
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    int ga, gb;
    for (int i = 0; i < 3; i++) {
        nodes[i].value = i;
        push(&nodes[i]);
    }
    pthread_create(&a, NULL, popper, &ga);
    pthread_create(&b, NULL, popper, &gb);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    struct node *rest = pop();
    printf("popped %d left %d\n", ga + gb, rest ? 1 : 0);
    return 0;
}
