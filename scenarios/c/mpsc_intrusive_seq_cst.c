// expect: outcomes "got 3 sum 6\n"
//
// Vyukov's intrusive multi-producer single-consumer queue: producers
// atomically exchange the tail and then link the previous tail to their
// node; the single consumer follows next pointers from a stub, waiting
// (yielding) while a producer is between its exchange and its link. All
// links are atomics with seq_cst; node payloads are written before the
// publishing store and read after the load that found the node.
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>

struct node {
    _Atomic(struct node *) next;
    int value;
};

static struct node stub;
static _Atomic(struct node *) tail = &stub;
static struct node *head = &stub; /* consumer only */

static void push(struct node *n)
{
    atomic_store(&n->next, NULL);
    struct node *prev = atomic_exchange(&tail, n);
    atomic_store(&prev->next, n);
}

static struct node *pop(void)
{
    struct node *next = atomic_load(&head->next);
    if (next == NULL)
        return NULL;
    head = next; /* next becomes the new stub; its value is ours */
    return next;
}

static struct node nodes[3];

static void *producer(void *arg)
{
    int first = (int)(long)arg;
    for (int i = first; i < 3; i += 2) {
        nodes[i].value = i + 1;
        push(&nodes[i]);
    }
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, producer, (void *)0L);
    pthread_create(&b, NULL, producer, (void *)1L);
    int got = 0, sum = 0;
    while (got < 3) {
        struct node *n = pop();
        if (n == NULL) {
            sched_yield();
            continue;
        }
        sum += n->value;
        got++;
    }
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("got %d sum %d\n", got, sum);
    return 0;
}
