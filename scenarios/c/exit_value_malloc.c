// expect: outcomes "lines 2 words 2 | lines 1 words 3\n"
//
// The fixed version: each worker allocates its result and returns it
// through pthread_exit; main joins, reads and frees it.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct stats {
    int lines, words;
};

static void *count(void *arg)
{
    const char *s = arg;
    struct stats *st = calloc(1, sizeof *st);
    for (; *s; s++) {
        if (*s == '\n')
            st->lines++;
        if (*s == ' ')
            st->words++;
    }
    pthread_exit(st);
}

int main(void)
{
    pthread_t t[2];
    static const char *text[2] = {"a b\nc d\n", "a b c d\n"};
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, count, (void *)text[i]);
    for (int i = 0; i < 2; i++) {
        void *r;
        pthread_join(t[i], &r);
        struct stats *st = r;
        printf("%slines %d words %d", i ? " | " : "", st->lines, st->words);
        free(st);
    }
    printf("\n");
    return 0;
}
