// expect: panic
//
// A worker fills a stats struct on its own stack and hands its address
// out through pthread_exit: after the join the thread's stack is gone,
// and main reads freed stack memory.
#include <pthread.h>
#include <stdio.h>

struct stats {
    int lines, words;
};

static void *count(void *arg)
{
    const char *s = arg;
    struct stats st = {0, 0};
    for (; *s; s++) {
        if (*s == '\n')
            st.lines++;
        if (*s == ' ')
            st.words++;
    }
    pthread_exit(&st); /* BUG: a local of this thread */
}

int main(void)
{
    pthread_t t;
    void *r;
    pthread_create(&t, NULL, count, "a b\nc d\n");
    pthread_join(t, &r);
    struct stats *st = r;
    printf("%d %d\n", st->lines, st->words);
    return 0;
}
