// expect: outcomes "job 7 done\n"
//
// The reporter is joinable and main joins it before reading and freeing
// the buffer: the write is ordered before both.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static void *reporter(void *arg)
{
    char *buf = arg;
    snprintf(buf, 32, "job %d done", 7);
    return NULL;
}

int main(void)
{
    pthread_t t;
    char *buf = malloc(32);
    buf[0] = 0;
    pthread_create(&t, NULL, reporter, buf);
    pthread_join(t, NULL);
    printf("%s\n", buf);
    free(buf);
    return 0;
}
