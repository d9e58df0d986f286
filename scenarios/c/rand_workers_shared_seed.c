// expect: ok
//
// Monte Carlo workers drawing from the process-wide rand() generator
// after main seeds it once. glibc's rand() takes a lock around the
// shared state, so concurrent calls are no data race (ThreadSanitizer
// reports none); which worker gets which number depends on the
// interleaving, so only the count of hits is checked for sanity. (C
// does not require rand to avoid races; POSIX marks it not thread-safe,
// but the result of glibc's is well-defined: weft, like TSan, reports
// nothing.)
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define DRAWS 4

struct worker {
    int hits;
    int draws;
};

static void *sample(void *arg)
{
    struct worker *w = arg;
    for (int i = 0; i < DRAWS; i++) {
        double x = rand() / (double)RAND_MAX;
        double y = rand() / (double)RAND_MAX;
        if (x * x + y * y <= 1.0)
            w->hits++;
        w->draws++;
    }
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    struct worker w[2] = {{0, 0}, {0, 0}};
    srand(7);
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, sample, &w[i]);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    int hits = w[0].hits + w[1].hits, draws = w[0].draws + w[1].draws;
    if (draws != 2 * DRAWS || hits < 0 || hits > draws)
        return 1;
    printf("pi ~ %.2f\n", 4.0 * hits / draws);
    return 0;
}
