// expect: race
//
// A lookup table created lazily with pthread_once: the once routine
// only allocates it, and the caller that "created" it (detected by a
// null check done before pthread_once) fills it afterwards, outside the
// once routine. Another thread returning from pthread_once reads the
// table while the first is still filling it; pthread_once orders only
// what the routine itself did.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define SIZE 8

static pthread_once_t table_once = PTHREAD_ONCE_INIT;
static int *table;
static int *filled_by_me;

static void alloc_table(void)
{
    table = calloc(SIZE, sizeof *table);
    filled_by_me = table;
}

static const int *get_table(int me)
{
    pthread_once(&table_once, alloc_table);
    if (me == 0) { /* the starter thread fills it */
        for (int i = 0; i < SIZE; i++)
            table[i] = i * i;
    }
    return table;
}

static void *user(void *arg)
{
    int me = (int)(long)arg;
    const int *t = get_table(me);
    long sum = 0;
    for (int i = 0; i < SIZE; i++)
        sum += t[i];
    return (void *)sum;
}

int main(void)
{
    pthread_t t[2];
    for (long i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, user, (void *)i);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    free(filled_by_me);
    return 0;
}
