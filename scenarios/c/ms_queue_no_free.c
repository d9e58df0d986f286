// expect: outcomes "sum 4\n"
// weft: --preemptions 1
//
// The Michael-Scott lock-free queue (PODC 1996) with C11 atomics: enqueue
// CASes the new node onto the last node's next, then swings the tail;
// dequeue CASes the head forward and reads the value from the new head.
// Dequeued nodes are never freed (no reclamation, so no ABA and no
// use-after-free). Two producers, two consumers, one value each: every value comes
// out once, and the plain value field is published by the release CAS.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

struct node { int value; struct node *_Atomic next; };
static struct node *_Atomic head, *_Atomic tail;
static atomic_int sum;

static void enqueue(int v)
{
    struct node *n = malloc(sizeof *n);
    n->value = v;
    atomic_init(&n->next, NULL);
    for (;;) {
        struct node *last = atomic_load(&tail);
        struct node *next = atomic_load(&last->next);
        if (last != atomic_load(&tail))
            continue;
        if (next == NULL) {
            if (atomic_compare_exchange_weak(&last->next, &next, n)) {
                atomic_compare_exchange_strong(&tail, &last, n);
                return;
            }
        } else {
            atomic_compare_exchange_strong(&tail, &last, next);
        }
    }
}

static int dequeue(int *v)
{
    for (;;) {
        struct node *first = atomic_load(&head);
        struct node *last = atomic_load(&tail);
        struct node *next = atomic_load(&first->next);
        if (first != atomic_load(&head))
            continue;
        if (first == last) {
            if (next == NULL)
                return 0;
            atomic_compare_exchange_strong(&tail, &last, next);
        } else {
            int value = next->value;
            if (atomic_compare_exchange_weak(&head, &first, next)) {
                *v = value;
                return 1;
            }
        }
    }
}

static void *producer(void *arg)
{
    int base = (int)(long)arg;
    enqueue(base);
    return NULL;
}

static void *consumer(void *arg)
{
    (void)arg;
    int got = 0, v;
    while (got < 1)
        if (dequeue(&v)) {
            atomic_fetch_add(&sum, v);
            got++;
        }
    return NULL;
}

int main(void)
{
    struct node *dummy = malloc(sizeof *dummy);
    atomic_init(&dummy->next, NULL);
    atomic_store(&head, dummy);
    atomic_store(&tail, dummy);
    pthread_t p[2], c[2];
    pthread_create(&p[0], NULL, producer, (void *)1L);
    pthread_create(&p[1], NULL, producer, (void *)3L);
    pthread_create(&c[0], NULL, consumer, NULL);
    pthread_create(&c[1], NULL, consumer, NULL);
    for (int i = 0; i < 2; i++) {
        pthread_join(p[i], NULL);
        pthread_join(c[i], NULL);
    }
    printf("sum %d\n", atomic_load(&sum));
    return 0;
}
