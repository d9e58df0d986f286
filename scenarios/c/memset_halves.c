// expect: outcomes "zeros 64\n"
//
// Two workers clear the two halves of one heap buffer with memset, side
// by side with no gap: the regions touch but do not overlap, no race.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned char *buf;

static void *clear(void *arg)
{
    int half = (int)(long)arg;
    memset(buf + half * 32, 0, 32);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    int zeros = 0;
    buf = malloc(64);
    memset(buf, 0xff, 64);
    pthread_create(&a, NULL, clear, (void *)0L);
    pthread_create(&b, NULL, clear, (void *)1L);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    for (int i = 0; i < 64; i++)
        zeros += buf[i] == 0;
    printf("zeros %d\n", zeros);
    free(buf);
    return 0;
}
