// expect: outcomes "65 90 inits=1\n"
//
// A lazily built lookup table behind a getter with its own static
// pthread_once_t: every thread calls the getter, the table is built once,
// and what the init wrote is visible to every caller.
#include <pthread.h>
#include <stdio.h>

static int inits;
static int table[26];

static void build_table(void)
{
    for (int i = 0; i < 26; i++)
        table[i] = 'A' + i;
    inits++;
}

static const int *get_table(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, build_table);
    return table;
}

static void *worker(void *arg)
{
    return (void *)(long)get_table()[(int)(long)arg];
}

int main(void)
{
    pthread_t a, b;
    void *ra, *rb;
    pthread_create(&a, NULL, worker, (void *)0L);
    pthread_create(&b, NULL, worker, (void *)25L);
    pthread_join(a, &ra);
    pthread_join(b, &rb);
    printf("%ld %ld inits=%d\n", (long)ra, (long)rb, inits);
    return 0;
}
