// expect: outcomes "workers 2 level 3 name svc\n"
//
// Process-wide configuration from the environment: main calls setenv
// before any thread exists, then the workers only read it with getenv
// (the environment is not modified while they run).
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct conf {
    int level;
    char name[8];
};

static void *worker(void *arg)
{
    struct conf *c = arg;
    const char *lvl = getenv("APP_LEVEL");
    const char *name = getenv("APP_NAME");
    c->level = lvl ? atoi(lvl) : -1;
    snprintf(c->name, sizeof c->name, "%s", name ? name : "?");
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    struct conf c[2];
    if (setenv("APP_LEVEL", "3", 1) != 0 || setenv("APP_NAME", "svc", 1) != 0)
        return 1;
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, &c[i]);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    if (c[0].level != c[1].level || strcmp(c[0].name, c[1].name) != 0)
        return 1;
    printf("workers 2 level %d name %s\n", c[0].level, c[0].name);
    return 0;
}
