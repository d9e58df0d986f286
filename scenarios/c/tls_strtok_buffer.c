// expect: outcomes "a:2 b:2\n"
//
// A tokenizer keeps its position in a __thread pointer (as strtok's state
// would be if it were per thread): two threads tokenize different strings
// at once without disturbing each other.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static __thread char *save;

static char *next_token(char *s)
{
    char *tok;
    if (s)
        save = s;
    while (*save == ' ')
        save++;
    if (!*save)
        return NULL;
    tok = save;
    while (*save && *save != ' ')
        save++;
    if (*save)
        *save++ = 0;
    return tok;
}

static void *count_tokens(void *arg)
{
    char buf[32];
    long n = 0;
    strcpy(buf, arg);
    for (char *t = next_token(buf); t; t = next_token(NULL))
        n++;
    return (void *)n;
}

int main(void)
{
    pthread_t a, b;
    void *na, *nb;
    pthread_create(&a, NULL, count_tokens, "x  y");
    pthread_create(&b, NULL, count_tokens, " p q ");
    pthread_join(a, &na);
    pthread_join(b, &nb);
    printf("a:%ld b:%ld\n", (long)na, (long)nb);
    return 0;
}
