// expect: race
//
// A worker takes a private copy of a shared name with strdup while main
// rewrites the name, neither under a lock: strdup reads the bytes main
// writes.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char name[16] = "alpha";

static void *copier(void *arg)
{
    char **out = arg;
    *out = strdup(name); /* BUG: unlocked read */
    return NULL;
}

int main(void)
{
    char *copy = NULL;
    pthread_t t;
    pthread_create(&t, NULL, copier, &copy);
    name[0] = 'A';
    pthread_join(t, NULL);
    printf("%s\n", copy ? copy : "(null)");
    free(copy);
    return 0;
}
