// expect: outcomes "partial 10 total 30\n"
//
// A worker that splits its job with a helper thread it creates and
// joins itself; main joins the worker only, and reads what the helper
// wrote: join is transitive (helper end -> worker's join -> worker end
// -> main's join).
#include <pthread.h>
#include <stdio.h>

static int partial, total;

static void *helper(void *arg)
{
    (void)arg;
    partial = 10;
    return NULL;
}

static void *worker(void *arg)
{
    pthread_t h;
    (void)arg;
    pthread_create(&h, NULL, helper, NULL);
    int mine = 20;
    pthread_join(h, NULL);
    total = mine + partial;
    return NULL;
}

int main(void)
{
    pthread_t w;
    pthread_create(&w, NULL, worker, NULL);
    pthread_join(w, NULL);
    printf("partial %d total %d\n", partial, total);
    return 0;
}
