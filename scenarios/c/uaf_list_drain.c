// expect: panic
//
// A worker drains a locked list and frees each node, then reads the freed
// node's next field to go on: a heap-use-after-free in one thread, ordered
// after the free, so no race; natively it usually goes unnoticed (the
// allocator leaves the field as it was). Every other access is locked.
#include <pthread.h>
#include <stdlib.h>

struct node {
    struct node *next;
    int v;
};

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static struct node *head;
static int sum;

static void *drain(void *arg)
{
    pthread_mutex_lock(&mu);
    for (struct node *n = head; n; n = n->next) /* the bug: n is freed */
        free(n);
    head = NULL;
    pthread_mutex_unlock(&mu);
    return arg;
}

static void *push(void *arg)
{
    struct node *n = malloc(sizeof *n);
    n->v = (int)(long)arg;
    pthread_mutex_lock(&mu);
    n->next = head;
    head = n;
    sum += n->v;
    pthread_mutex_unlock(&mu);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, push, (void *)1L);
    pthread_create(&b, NULL, drain, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
