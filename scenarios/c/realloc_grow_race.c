// expect: race
//
// A growable log whose append takes the lock, but whose reader walks the
// buffer without it: the reader's load of the pointer races with the
// append's realloc and store (glibc grows this small block in place, so
// the old block is not freed here; a larger growth would move it).
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int *entries;
static int n, cap = 1;

static void append(int v)
{
    pthread_mutex_lock(&mu);
    if (n == cap) {
        cap *= 4;
        entries = realloc(entries, cap * sizeof *entries);
    }
    entries[n++] = v;
    pthread_mutex_unlock(&mu);
}

static void *reader(void *arg)
{
    (void)arg;
    int *e = entries; /* BUG: no lock, and the block may move */
    return (void *)(long)e[0];
}

int main(void)
{
    entries = malloc(cap * sizeof *entries);
    append(7);
    pthread_t t;
    pthread_create(&t, NULL, reader, NULL);
    append(8);
    pthread_join(t, NULL);
    printf("%d\n", n);
    free(entries);
    return 0;
}
