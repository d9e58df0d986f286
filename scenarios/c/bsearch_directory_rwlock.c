// expect: ok
//
// A sorted directory of (id, name) records searched with bsearch under
// a read lock by two lookup threads while an admin thread inserts a
// record (keeping the array sorted) under the write lock.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXREC 8

struct record {
    int id;
    char name[12];
};

static struct record dir[MAXREC];
static size_t ndir;
static pthread_rwlock_t dir_lock = PTHREAD_RWLOCK_INITIALIZER;

static int by_id(const void *k, const void *e)
{
    int a = *(const int *)k;
    int b = ((const struct record *)e)->id;
    return (a > b) - (a < b);
}

static int lookup_name(int id, char *out, size_t len)
{
    int ok = 0;
    pthread_rwlock_rdlock(&dir_lock);
    const struct record *r = bsearch(&id, dir, ndir, sizeof dir[0], by_id);
    if (r != NULL) {
        snprintf(out, len, "%s", r->name);
        ok = 1;
    }
    pthread_rwlock_unlock(&dir_lock);
    return ok;
}

static int insert(int id, const char *name)
{
    pthread_rwlock_wrlock(&dir_lock);
    if (ndir == MAXREC) {
        pthread_rwlock_unlock(&dir_lock);
        return -1;
    }
    size_t pos = 0;
    while (pos < ndir && dir[pos].id < id)
        pos++;
    memmove(&dir[pos + 1], &dir[pos], (ndir - pos) * sizeof dir[0]);
    dir[pos].id = id;
    snprintf(dir[pos].name, sizeof dir[pos].name, "%s", name);
    ndir++;
    pthread_rwlock_unlock(&dir_lock);
    return 0;
}

static void *admin(void *arg)
{
    (void)arg;
    insert(15, "carol");
    return NULL;
}

static void *lookup(void *arg)
{
    int id = (int)(long)arg;
    char name[12];
    int found = 0;
    for (int i = 0; i < 2; i++)
        found += lookup_name(id, name, sizeof name);
    return (void *)(long)found;
}

int main(void)
{
    pthread_t a, l1, l2;
    insert(10, "alice");
    insert(20, "bob");
    pthread_create(&a, NULL, admin, NULL);
    pthread_create(&l1, NULL, lookup, (void *)20L);
    pthread_create(&l2, NULL, lookup, (void *)15L);
    void *f1, *f2;
    pthread_join(a, NULL);
    pthread_join(l1, &f1);
    pthread_join(l2, &f2);
    char name[12];
    if ((long)f1 != 2 || !lookup_name(15, name, sizeof name))
        return 1;
    return strcmp(name, "carol") != 0;
}
