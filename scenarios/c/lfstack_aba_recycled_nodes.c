// expect: assert
//
// A Treiber stack whose nodes are recycled: a popped node goes straight
// back on the stack (no allocator between). That is the ABA problem: a
// thread reads top = A and A->next = B, is preempted while another pops
// A and B and pushes A back; its compare-and-swap still sees A on top
// and succeeds, installing B, which the other thread owns: B is now
// both popped and on the stack, and the first thread's next pop hands
// it out a second time. Every atomic
// here is seq_cst: ordering does not help, the algorithm needs a tag
// (or hazard pointers).
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

struct node {
    struct node *_Atomic next;
    atomic_int owner; /* 0 on the stack, else the thread holding it */
};

static struct node nodes[3];
static struct node *_Atomic top;

static void push(struct node *n)
{
    struct node *old = atomic_load(&top);
    do {
        atomic_store(&n->next, old);
    } while (!atomic_compare_exchange_weak(&top, &old, n));
}

static struct node *pop(int me)
{
    struct node *old = atomic_load(&top);
    while (old != NULL) {
        struct node *next = atomic_load(&old->next);
        if (atomic_compare_exchange_weak(&top, &old, next))
            break;
    }
    if (old != NULL) {
        int prev = atomic_exchange(&old->owner, me);
        assert(prev == 0); /* nobody else holds it */
    }
    return old;
}

static void give_back(struct node *n)
{
    atomic_store(&n->owner, 0);
    push(n);
}

static void *quick(void *arg)
{
    (void)arg;
    struct node *a = pop(1); /* the quick thread's pops */
    struct node *b = pop(1);
    return b != NULL ? b : a;
}

static void *recycler(void *arg)
{
    (void)arg;
    struct node *a = pop(2);
    struct node *b = pop(2);
    if (a != NULL)
        give_back(a); /* A again on top, B kept */
    return b;
}

int main(void)
{
    pthread_t q, r;
    /* stack: nodes[0] -> nodes[1] -> nodes[2] */
    for (int i = 2; i >= 0; i--)
        push(&nodes[i]);
    pthread_create(&q, NULL, quick, NULL);
    pthread_create(&r, NULL, recycler, NULL);
    pthread_join(q, NULL);
    pthread_join(r, NULL);
    printf("done\n");
    return 0;
}
