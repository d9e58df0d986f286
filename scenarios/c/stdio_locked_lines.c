// expect: outcomes "A1\nA2\nB1\n" "A1\nB1\nA2\n" "B1\nA1\nA2\n"
//
// Two threads print lines with printf (stdio locks each call); the lines
// of one thread keep their order, the interleaving varies.
#include <pthread.h>
#include <stdio.h>

static void *a(void *arg)
{
    (void)arg;
    printf("A1\n");
    printf("A2\n");
    return NULL;
}

static void *b(void *arg)
{
    (void)arg;
    printf("B1\n");
    return NULL;
}

int main(void)
{
    pthread_t x, y;
    pthread_create(&x, NULL, a, NULL);
    pthread_create(&y, NULL, b, NULL);
    pthread_join(x, NULL);
    pthread_join(y, NULL);
    return 0;
}
