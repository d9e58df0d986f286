// expect: race
//
// A Treiber stack whose push uses a relaxed compare-and-swap (the
// author reasoned that the CAS is atomic, so it is enough): the node's
// value, written before the push, is not released, and a consumer that
// pops it with an acquire CAS reads the value unordered with its write.
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>

struct node {
    int value;
    struct node *next;
};

static struct node nodes[4];
static _Atomic(struct node *) top;

static void push(struct node *n)
{
    struct node *old = atomic_load_explicit(&top, memory_order_relaxed);
    do {
        n->next = old;
    } while (!atomic_compare_exchange_weak_explicit(
        &top, &old, n, memory_order_relaxed, memory_order_relaxed));
}

static struct node *pop(void)
{
    struct node *old = atomic_load_explicit(&top, memory_order_acquire);
    while (old != NULL &&
           !atomic_compare_exchange_weak_explicit(&top, &old, old->next,
                                                  memory_order_acquire,
                                                  memory_order_acquire))
        ;
    return old;
}

static void *producer(void *arg)
{
    (void)arg;
    for (int i = 0; i < 2; i++) {
        nodes[i].value = 10 * (i + 1);
        push(&nodes[i]);
    }
    return NULL;
}

static void *consumer(void *arg)
{
    int *sum = arg;
    int got = 0, tries = 0;
    while (got < 2 && tries < 20) {
        struct node *n = pop();
        if (n != NULL) {
            *sum += n->value;
            got++;
        } else {
            tries++;
            sched_yield();
        }
    }
    return NULL;
}

int main(void)
{
    pthread_t p, c;
    int sum = 0;
    pthread_create(&c, NULL, consumer, &sum);
    pthread_create(&p, NULL, producer, NULL);
    pthread_join(p, NULL);
    pthread_join(c, NULL);
    printf("sum %d\n", sum);
    return 0;
}
