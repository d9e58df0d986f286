// expect: outcomes "count 6 buckets 8 found 6\n"
//
// A hash table with a lock per bucket and a table-wide rwlock: inserts
// and lookups take the rwlock for reading and then the bucket's mutex;
// a resize (triggered by the inserter that pushes the load factor over
// 1) drops its read lock, takes the rwlock for writing, re-checks the
// load and rehashes every chain into a new, larger bucket array.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

struct node {
    int key;
    struct node *next;
};

struct bucket {
    pthread_mutex_t lock;
    struct node *head;
};

struct table {
    pthread_rwlock_t resize_lock;
    struct bucket *buckets;
    unsigned nbuckets;
    atomic_uint count;
};

static struct bucket *buckets_new(unsigned n)
{
    struct bucket *b = calloc(n, sizeof *b);
    if (b == NULL)
        abort();
    for (unsigned i = 0; i < n; i++)
        pthread_mutex_init(&b[i].lock, NULL);
    return b;
}

static void table_resize(struct table *t)
{
    pthread_rwlock_wrlock(&t->resize_lock);
    if (atomic_load(&t->count) > t->nbuckets) {
        unsigned n = t->nbuckets * 2;
        struct bucket *nb = buckets_new(n);
        for (unsigned i = 0; i < t->nbuckets; i++) {
            struct node *e = t->buckets[i].head;
            while (e != NULL) {
                struct node *next = e->next;
                struct bucket *dst = &nb[(unsigned)e->key % n];
                e->next = dst->head;
                dst->head = e;
                e = next;
            }
            pthread_mutex_destroy(&t->buckets[i].lock);
        }
        free(t->buckets);
        t->buckets = nb;
        t->nbuckets = n;
    }
    pthread_rwlock_unlock(&t->resize_lock);
}

static void table_insert(struct table *t, int key)
{
    struct node *e = malloc(sizeof *e);
    if (e == NULL)
        abort();
    e->key = key;
    pthread_rwlock_rdlock(&t->resize_lock);
    struct bucket *b = &t->buckets[(unsigned)key % t->nbuckets];
    pthread_mutex_lock(&b->lock);
    e->next = b->head;
    b->head = e;
    pthread_mutex_unlock(&b->lock);
    unsigned c = atomic_fetch_add(&t->count, 1) + 1;
    int grow = c > t->nbuckets;
    pthread_rwlock_unlock(&t->resize_lock);
    if (grow)
        table_resize(t);
}

static int table_contains(struct table *t, int key)
{
    int found = 0;
    pthread_rwlock_rdlock(&t->resize_lock);
    struct bucket *b = &t->buckets[(unsigned)key % t->nbuckets];
    pthread_mutex_lock(&b->lock);
    for (struct node *e = b->head; e != NULL && !found; e = e->next)
        found = e->key == key;
    pthread_mutex_unlock(&b->lock);
    pthread_rwlock_unlock(&t->resize_lock);
    return found;
}

static struct table table;

static void *inserter(void *arg)
{
    int base = (int)(long)arg;
    for (int k = base; k < base + 3; k++)
        table_insert(&table, k);
    return NULL;
}

int main(void)
{
    pthread_rwlock_init(&table.resize_lock, NULL);
    table.nbuckets = 2;
    table.buckets = buckets_new(2);
    pthread_t a, b;
    pthread_create(&a, NULL, inserter, (void *)0L);
    pthread_create(&b, NULL, inserter, (void *)10L);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    int found = 0;
    for (int k = 0; k < 3; k++)
        found += table_contains(&table, k) + table_contains(&table, 10 + k);
    printf("count %u buckets %u found %d\n", atomic_load(&table.count),
           table.nbuckets, found);
    return 0;
}
