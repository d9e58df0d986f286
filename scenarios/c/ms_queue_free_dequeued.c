// expect: panic race
//
// The Michael-Scott queue with the old dummy node freed right after a
// successful dequeue, and no hazard pointers: a second consumer that
// loaded the same head before the first one's CAS then reads
// first->next from freed memory (heap-use-after-free), a read that also
// races with the free.
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
                free(first);
                return 1;
            }
        }
    }
}

static void *consumer(void *arg)
{
    (void)arg;
    int v;
    if (dequeue(&v))
        atomic_fetch_add(&sum, v);
    return NULL;
}

int main(void)
{
    struct node *dummy = malloc(sizeof *dummy);
    atomic_init(&dummy->next, NULL);
    atomic_store(&head, dummy);
    atomic_store(&tail, dummy);
    enqueue(1);
    enqueue(2);
    pthread_t c[2];
    pthread_create(&c[0], NULL, consumer, NULL);
    pthread_create(&c[1], NULL, consumer, NULL);
    pthread_join(c[0], NULL);
    pthread_join(c[1], NULL);
    printf("sum %d\n", atomic_load(&sum));
    return 0;
}
