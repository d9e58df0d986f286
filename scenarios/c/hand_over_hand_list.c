// expect: outcomes "1 2 3 4 5 6\n"
//
// A sorted list with a mutex per node and hand-over-hand locking
// (lock coupling): an insert holds the predecessor's lock while it
// locks the next node, and links the new node with the predecessor
// still locked. Two threads insert interleaved keys.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct node {
    int key;
    struct node *next;
    pthread_mutex_t mu;
};

static struct node head = {-1, NULL, PTHREAD_MUTEX_INITIALIZER};

static void insert(int key)
{
    struct node *n = malloc(sizeof *n);
    n->key = key;
    pthread_mutex_init(&n->mu, NULL);
    struct node *prev = &head;
    pthread_mutex_lock(&prev->mu);
    struct node *cur = prev->next;
    while (cur) {
        pthread_mutex_lock(&cur->mu);
        if (cur->key >= key) {
            pthread_mutex_unlock(&cur->mu);
            break;
        }
        pthread_mutex_unlock(&prev->mu);
        prev = cur;
        cur = cur->next;
    }
    n->next = cur;
    prev->next = n;
    pthread_mutex_unlock(&prev->mu);
}

static void *odds(void *arg)
{
    (void)arg;
    for (int k = 1; k <= 5; k += 2)
        insert(k);
    return NULL;
}

static void *evens(void *arg)
{
    (void)arg;
    for (int k = 2; k <= 6; k += 2)
        insert(k);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, odds, NULL);
    pthread_create(&b, NULL, evens, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    for (struct node *n = head.next, *next; n; n = next) {
        next = n->next;
        printf("%d%s", n->key, next ? " " : "\n");
        pthread_mutex_destroy(&n->mu);
        free(n);
    }
    return 0;
}
