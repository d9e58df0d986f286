// expect: outcomes "hits 3 misses 3\n"
//
// Per-thread statistics packed in one struct: the lookup thread only
// writes st.hits, the fill thread only st.misses. Neighbouring fields
// are distinct memory locations, so there is no race; main reads both
// after joining.
#include <pthread.h>
#include <stdio.h>

static struct stats {
    long hits;
    long misses;
    char tag[8];
} st;

static void *lookups(void *arg)
{
    (void)arg;
    for (int i = 0; i < 3; i++)
        st.hits++;
    return NULL;
}

static void *fills(void *arg)
{
    (void)arg;
    for (int i = 0; i < 3; i++)
        st.misses++;
    st.tag[0] = 'f';
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, lookups, NULL);
    pthread_create(&b, NULL, fills, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("hits %ld misses %ld\n", st.hits, st.misses);
    return 0;
}
