// expect: leak
//
// A worker that finds a fatal configuration error prints nothing and
// calls exit(3) while main is blocked joining it; nothing shared is
// touched on the way out, so this is a legitimate (if abrupt) way for a
// program to end. Main's line is printed only if the worker got past the
// check, which it never does.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static int config_ok;

static void *check_config(void *arg)
{
    (void)arg;
    if (!config_ok)
        exit(3);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, check_config, NULL);
    pthread_join(t, NULL);
    printf("main done\n");
    return 0;
}
