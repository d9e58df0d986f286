// expect: outcomes "29 29 same-day 1\n"
//
// The logging helper with the reentrant forms: gmtime_r into a struct tm
// of the thread's own and asctime_r into its own buffer (at least 26
// bytes), so the threads share nothing but the lines array, each its own
// row.
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static char lines[2][64];
static int mday[2];

static void *logger(void *arg)
{
    int id = (int)(long)arg;
    time_t when = (time_t)(86400 * 3 + 3600 * id);
    struct tm tm;
    char buf[32];
    gmtime_r(&when, &tm);
    mday[id] = tm.tm_mday;
    snprintf(lines[id], sizeof lines[id], "[%.24s] w%d",
             asctime_r(&tm, buf), id);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, logger, (void *)0L);
    pthread_create(&b, NULL, logger, (void *)1L);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%zu %zu same-day %d\n", strlen(lines[0]), strlen(lines[1]),
           mday[0] == mday[1]);
    return 0;
}
