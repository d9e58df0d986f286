// expect: outcomes "1 1 1\n"
//
// The fix of the classic: each thread gets the address of its own
// element of an ids array that lives until the joins.
#include <pthread.h>
#include <stdio.h>

static int seen[3];

static void *worker(void *arg)
{
    int id = *(int *)arg;
    seen[id]++;
    return NULL;
}

int main(void)
{
    pthread_t t[3];
    int ids[3];
    for (int i = 0; i < 3; i++) {
        ids[i] = i;
        pthread_create(&t[i], NULL, worker, &ids[i]);
    }
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    printf("%d %d %d\n", seen[0], seen[1], seen[2]);
    return 0;
}
