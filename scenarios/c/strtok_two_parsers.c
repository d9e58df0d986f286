// expect: race
//
// Two threads parse their own comma-separated lists with strtok. strtok
// keeps its position in one hidden static pointer shared by every
// thread (C11 says it "is not required to avoid data races with other
// calls to the strtok function"): the calls race on that state, and a
// thread's strtok(NULL, ...) can continue the other thread's string.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static void *parser(void *arg)
{
    char *line = arg;
    int n = 0;
    for (char *tok = strtok(line, ","); tok != NULL; tok = strtok(NULL, ","))
        n++; /* BUG: strtok is not thread safe; use strtok_r */
    return (void *)(long)n;
}

int main(void)
{
    char a[] = "x,y,z", b[] = "p,q";
    pthread_t t1, t2;
    void *n1, *n2;
    pthread_create(&t1, NULL, parser, a);
    pthread_create(&t2, NULL, parser, b);
    pthread_join(t1, &n1);
    pthread_join(t2, &n2);
    printf("%ld %ld\n", (long)n1, (long)n2);
    return 0;
}
