// expect: race
//
// The MPSC queue with the link a plain pointer: the producer's store of
// prev->next and the consumer's load of head->next are a data race (the
// exchange on the tail is atomic, but it is not what the consumer reads).
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>

struct node {
    struct node *next; /* BUG: must be atomic */
    int value;
};

static struct node stub;
static _Atomic(struct node *) tail = &stub;
static struct node *head = &stub;

static void push(struct node *n)
{
    n->next = NULL;
    struct node *prev = atomic_exchange(&tail, n);
    prev->next = n;
}

static struct node n1 = {NULL, 5};

static void *producer(void *arg)
{
    (void)arg;
    push(&n1);
    return NULL;
}

int main(void)
{
    pthread_t p;
    pthread_create(&p, NULL, producer, NULL);
    int sum = 0;
    for (;;) {
        struct node *next = head->next;
        if (next != NULL) {
            head = next;
            sum += next->value;
            break;
        }
        sched_yield();
    }
    pthread_join(p, NULL);
    printf("sum %d\n", sum);
    return 0;
}
