// expect: outcomes "consistent 2\n"
//
// A table read under pthread_rwlock_rdlock by two readers while a writer
// inserts under wrlock; each reader sees the entry absent or whole.
// (issue 15: a program written outside the suite.)
#include <pthread.h>
#include <stdio.h>
#include <string.h>

struct entry {
    char key[8];
    int value;
};

static struct entry table[4];
static int nentries;
static pthread_rwlock_t lock = PTHREAD_RWLOCK_INITIALIZER;

static int lookup(const char *k)
{
    int v = -1;
    pthread_rwlock_rdlock(&lock);
    for (int i = 0; i < nentries; i++)
        if (strcmp(table[i].key, k) == 0)
            v = table[i].value;
    pthread_rwlock_unlock(&lock);
    return v;
}

static void insert(const char *k, int v)
{
    pthread_rwlock_wrlock(&lock);
    strcpy(table[nentries].key, k);
    table[nentries].value = v;
    nentries++;
    pthread_rwlock_unlock(&lock);
}

static void *reader(void *arg)
{
    int *out = arg;
    *out = lookup("b");
    return NULL;
}

static void *writer(void *arg)
{
    (void)arg;
    insert("b", 2);
    return NULL;
}

int main(void)
{
    pthread_t r[2], w;
    int got[2];
    insert("a", 1);
    pthread_create(&w, NULL, writer, NULL);
    for (int i = 0; i < 2; i++)
        pthread_create(&r[i], NULL, reader, &got[i]);
    for (int i = 0; i < 2; i++)
        pthread_join(r[i], NULL);
    pthread_join(w, NULL);
    int ok = (got[0] == -1 || got[0] == 2) && (got[1] == -1 || got[1] == 2);
    printf("%s %d\n", ok ? "consistent" : "torn", lookup("b"));
    return 0;
}
