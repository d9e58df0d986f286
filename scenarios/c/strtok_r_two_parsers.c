// expect: outcomes "3 2\n"
//
// The two parsers with strtok_r: each keeps its position in its own
// save pointer, a local, so the threads do not share any state.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static void *parser(void *arg)
{
    char *line = arg, *save = NULL;
    int n = 0;
    for (char *tok = strtok_r(line, ",", &save); tok != NULL;
         tok = strtok_r(NULL, ",", &save))
        n++;
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
