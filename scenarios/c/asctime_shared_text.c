// expect: race
// weft: --preemptions 2
//
// A logging helper stamps each line with ctime(), whose result is one
// static string shared by every thread: two threads logging at once
// overwrite it while the other copies it into its line (ctime_r, with a
// buffer of the caller's, is the thread-safe form).
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static char lines[2][64];

static void *logger(void *arg)
{
    int id = (int)(long)arg;
    time_t now = (time_t)(1000000 * (id + 1));
    char *stamp = ctime(&now); /* BUG: static result */
    snprintf(lines[id], sizeof lines[id], "[%.24s] worker %d", stamp, id);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, logger, (void *)0L);
    pthread_create(&b, NULL, logger, (void *)1L);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%zu %zu\n", strlen(lines[0]), strlen(lines[1]));
    return 0;
}
