// expect: ok
//
// OSTEP, Lock-based Concurrent Data Structures: a sorted linked list with
// hand-over-hand locking (lock coupling): a lock per node, and a thread
// walking the list takes the next node's lock before releasing the one it
// holds. Two inserters and a lookup run at once: no race, no deadlock
// (every thread takes the locks in list order), nothing lost.
#include <assert.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct node {
    int key;
    struct node *next;
    pthread_mutex_t lock;
} node_t;

static node_t head; /* a sentinel: key below every other */

static node_t *new_node(int key)
{
    node_t *n = malloc(sizeof *n);
    n->key = key;
    n->next = NULL;
    pthread_mutex_init(&n->lock, NULL);
    return n;
}

static void insert(int key)
{
    node_t *n = new_node(key);
    node_t *prev = &head, *cur;
    pthread_mutex_lock(&prev->lock);
    while ((cur = prev->next) != NULL) {
        pthread_mutex_lock(&cur->lock);
        if (cur->key >= key) {
            pthread_mutex_unlock(&cur->lock);
            break;
        }
        pthread_mutex_unlock(&prev->lock);
        prev = cur;
    }
    n->next = prev->next;
    prev->next = n;
    pthread_mutex_unlock(&prev->lock);
}

static int lookup(int key)
{
    node_t *prev = &head, *cur;
    int found = 0;
    pthread_mutex_lock(&prev->lock);
    while ((cur = prev->next) != NULL) {
        pthread_mutex_lock(&cur->lock);
        pthread_mutex_unlock(&prev->lock);
        prev = cur;
        if (cur->key == key) {
            found = 1;
            break;
        }
    }
    pthread_mutex_unlock(&prev->lock);
    return found;
}

static void *inserter(void *arg)
{
    insert((int)(long)arg);
    return NULL;
}

static void *looker(void *arg)
{
    (void)arg;
    (void)lookup(20);
    return NULL;
}

int main(void)
{
    pthread_t a, b, l;
    pthread_mutex_init(&head.lock, NULL);
    insert(20);
    pthread_create(&a, NULL, inserter, (void *)10L);
    pthread_create(&b, NULL, inserter, (void *)30L);
    pthread_create(&l, NULL, looker, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    pthread_join(l, NULL);
    int n = 0, last = -1;
    for (node_t *p = head.next; p; p = p->next, n++) {
        assert(p->key > last);
        last = p->key;
    }
    assert(n == 3 && lookup(10) && lookup(30));
    printf("%d keys\n", n);
    return 0;
}
