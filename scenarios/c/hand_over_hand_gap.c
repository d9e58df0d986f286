// expect: assert
//
// The same list, but the insert lets go of the predecessor before it
// takes the next node's lock ("only hold one lock at a time"), and
// relocks it to link: every access is locked, so there is no data race,
// but between the two another insert can link a node after the same
// predecessor, and the second link overwrites the first (an insert is
// lost; the count check fails).
#include <assert.h>
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
    pthread_mutex_unlock(&prev->mu);
    while (cur) {
        pthread_mutex_lock(&cur->mu);
        struct node *next = cur->next;
        int k = cur->key;
        pthread_mutex_unlock(&cur->mu);
        if (k >= key)
            break;
        prev = cur;
        cur = next;
    }
    n->next = cur;
    pthread_mutex_lock(&prev->mu);
    prev->next = n;
    pthread_mutex_unlock(&prev->mu);
}

static void *odds(void *arg)
{
    (void)arg;
    for (int k = 1; k <= 3; k += 2)
        insert(k);
    return NULL;
}

static void *evens(void *arg)
{
    (void)arg;
    for (int k = 2; k <= 4; k += 2)
        insert(k);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    int count = 0;
    pthread_create(&a, NULL, odds, NULL);
    pthread_create(&b, NULL, evens, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    for (struct node *n = head.next; n; n = n->next)
        count++;
    assert(count == 4);
    printf("%d nodes\n", count);
    return 0;
}
