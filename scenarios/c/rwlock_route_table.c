// expect: outcomes "lookups 4 routes 3\n"
//
// A routing table read by many lookups and changed rarely: lookups take
// the read lock and count their hits in a per-thread local, the updater
// takes the write lock to append a route, and the counts are summed
// after join.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

struct route {
    char prefix[8];
    int port;
};

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static struct route table[4] = {{"10.", 1}, {"192.", 2}};
static int nroutes = 2;

static int lookup(const char *addr)
{
    int port = -1;
    pthread_rwlock_rdlock(&rw);
    for (int i = 0; i < nroutes; i++)
        if (strncmp(addr, table[i].prefix, strlen(table[i].prefix)) == 0)
            port = table[i].port;
    pthread_rwlock_unlock(&rw);
    return port;
}

static void *reader(void *arg)
{
    long *hits = arg;
    if (lookup("10.0.0.1") == 1)
        (*hits)++;
    if (lookup("192.168.0.1") == 2)
        (*hits)++;
    return NULL;
}

static void *updater(void *arg)
{
    (void)arg;
    pthread_rwlock_wrlock(&rw);
    strcpy(table[nroutes].prefix, "172.");
    table[nroutes].port = 3;
    nroutes++;
    pthread_rwlock_unlock(&rw);
    return NULL;
}

int main(void)
{
    pthread_t r[2], w;
    long hits[2] = {0, 0};
    pthread_create(&r[0], NULL, reader, &hits[0]);
    pthread_create(&w, NULL, updater, NULL);
    pthread_create(&r[1], NULL, reader, &hits[1]);
    pthread_join(r[0], NULL);
    pthread_join(r[1], NULL);
    pthread_join(w, NULL);
    printf("lookups %ld routes %d\n", hits[0] + hits[1], nroutes);
    return 0;
}
