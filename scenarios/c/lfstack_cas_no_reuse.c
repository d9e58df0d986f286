// expect: outcomes "popped 4 sum 10\n"
// weft: --preemptions 1
//
// A Treiber stack with compare-and-swap: producers push nodes taken
// from a static pool (each pushed once, never freed or pushed again, so
// there is no ABA), consumers pop until both producers are done and the
// stack is empty. The push's CAS is release, the pop's load and CAS
// acquire, so a popped node's value and next are visible.
#include <pthread.h>
#include <stdatomic.h>
#include <sched.h>
#include <stdio.h>

#define PER_PRODUCER 2

struct node {
    int value;
    struct node *next;
};

static struct node pool[2 * PER_PRODUCER];
static _Atomic(struct node *) top;
static atomic_int producers_left = 2;

static void push(struct node *n)
{
    struct node *old = atomic_load_explicit(&top, memory_order_relaxed);
    do {
        n->next = old;
    } while (!atomic_compare_exchange_weak_explicit(
        &top, &old, n, memory_order_release, memory_order_relaxed));
}

static struct node *pop(void)
{
    struct node *old = atomic_load_explicit(&top, memory_order_acquire);
    while (old != NULL &&
           !atomic_compare_exchange_weak_explicit(
               &top, &old, old->next, memory_order_acquire,
               memory_order_acquire))
        ;
    return old;
}

static void *producer(void *arg)
{
    int base = (int)(long)arg;
    for (int i = 0; i < PER_PRODUCER; i++) {
        struct node *n = &pool[base + i];
        n->value = base + i + 1;
        push(n);
    }
    atomic_fetch_sub_explicit(&producers_left, 1, memory_order_release);
    return NULL;
}

struct tally {
    int count, sum;
};

static void *consumer(void *arg)
{
    struct tally *t = arg;
    for (;;) {
        struct node *n = pop();
        if (n != NULL) {
            t->count++;
            t->sum += n->value;
            continue;
        }
        if (atomic_load_explicit(&producers_left, memory_order_acquire) == 0 &&
            atomic_load_explicit(&top, memory_order_acquire) == NULL)
            break;
        sched_yield();
    }
    return NULL;
}

int main(void)
{
    pthread_t p[2], c;
    struct tally t = {0, 0};
    pthread_create(&c, NULL, consumer, &t);
    pthread_create(&p[0], NULL, producer, (void *)0L);
    pthread_create(&p[1], NULL, producer, (void *)(long)PER_PRODUCER);
    pthread_join(p[0], NULL);
    pthread_join(p[1], NULL);
    pthread_join(c, NULL);
    printf("popped %d sum %d\n", t.count, t.sum);
    return 0;
}
