// expect: outcomes "w0: ok 12 | w1: ERANGE | main: EINVAL-free 7\n"
//
// errno is per thread: one worker parses a number that overflows long
// (strtol sets errno to ERANGE), the other a normal one, and main parses
// its own; each clears errno first and reads it right after its own
// call, so no thread sees another's errno.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char verdict[2][32];

static void *parse(void *arg)
{
    int id = (int)(long)arg;
    const char *text = id == 0 ? "12" : "99999999999999999999999";
    errno = 0;
    long v = strtol(text, NULL, 10);
    if (errno == ERANGE)
        snprintf(verdict[id], sizeof verdict[id], "ERANGE");
    else
        snprintf(verdict[id], sizeof verdict[id], "ok %ld", v);
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    for (long i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, parse, (void *)i);
    errno = 0;
    long mine = strtol("7", NULL, 10);
    int my_errno = errno;
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("w0: %s | w1: %s | main: %s %ld\n", verdict[0], verdict[1],
           my_errno == 0 ? "EINVAL-free" : strerror(my_errno), mine);
    return 0;
}
