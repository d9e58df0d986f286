// expect: outcomes "16 16 inits=1\n"
//
// pthread_once initialises a shared config for whichever thread comes
// first; the others see it initialised.
// (issue 15: a program written outside the suite.)
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int *config;
static int inits;

static void init_config(void)
{
    config = malloc(2 * sizeof *config);
    config[0] = 7;
    config[1] = 9;
    inits++;
}

static void *use(void *arg)
{
    int *out = arg;
    pthread_once(&once, init_config);
    *out = config[0] + config[1];
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    int r[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, use, &r[i]);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("%d %d inits=%d\n", r[0], r[1], inits);
    free(config);
    return 0;
}
