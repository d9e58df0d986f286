// expect: race
//
// A seqlock as it is often written: the sequence is atomic, the payload
// plain. The reader copies the payload and retries if the sequence was
// odd or changed, so it never *uses* a torn value; but its plain reads
// of x and y run concurrently with the writer's plain writes, and in C11
// that is a data race whatever the retry does afterwards.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_uint seq;
static int x, y; /* BUG: plain payload */

static void *writer(void *arg)
{
    (void)arg;
    for (int i = 1; i <= 1; i++) {
        atomic_fetch_add(&seq, 1); /* odd: write in progress */
        x = i;
        y = -i;
        atomic_fetch_add(&seq, 1);
    }
    return NULL;
}

static void read_pair(int *px, int *py)
{
    unsigned s0, s1;
    do {
        s0 = atomic_load(&seq);
        *px = x;
        *py = y;
        s1 = atomic_load(&seq);
    } while ((s0 & 1) || s0 != s1);
}

int main(void)
{
    pthread_t w;
    pthread_create(&w, NULL, writer, NULL);
    int a, b;
    read_pair(&a, &b);
    pthread_join(w, NULL);
    printf("%s\n", a == -b ? "consistent" : "torn");
    return 0;
}
