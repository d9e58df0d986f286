// expect: outcomes "done 1 1 1 1 sum 10\n"
//
// Four workers each set their own byte of a char array (and add into
// their own short of a packed array) with no lock: distinct bytes are
// distinct memory locations, so there is no race even within one word.
#include <pthread.h>
#include <stdio.h>

static char done[4];
static short part[4];

static void *worker(void *arg)
{
    int id = (int)(long)arg;
    part[id] = (short)(id + 1);
    done[id] = 1;
    return NULL;
}

int main(void)
{
    pthread_t t[4];
    for (long i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    printf("done %d %d %d %d sum %d\n", done[0], done[1], done[2], done[3],
           part[0] + part[1] + part[2] + part[3]);
    return 0;
}
