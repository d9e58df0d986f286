// expect: outcomes "db 4 t0 2 t1 2\n"
//
// Three levels of locks, database -> table -> row, always taken top down
// (and rows of one table by index): updates that touch different rows and
// tables run concurrently without deadlock.
#include <pthread.h>
#include <stdio.h>

struct row { pthread_mutex_t mu; int v; };
struct table { pthread_mutex_t mu; int writes; struct row rows[2]; };

static pthread_mutex_t db_mu = PTHREAD_MUTEX_INITIALIZER;
static int db_writes;
static struct table tables[2];

static void update_two(int t, int r1, int r2)
{
    int lo = r1 < r2 ? r1 : r2, hi = r1 < r2 ? r2 : r1;
    pthread_mutex_lock(&db_mu);
    db_writes++;
    pthread_mutex_lock(&tables[t].mu);
    pthread_mutex_unlock(&db_mu);
    tables[t].writes++;
    pthread_mutex_lock(&tables[t].rows[lo].mu);
    if (hi != lo)
        pthread_mutex_lock(&tables[t].rows[hi].mu);
    tables[t].rows[lo].v++;
    tables[t].rows[hi].v++;
    if (hi != lo)
        pthread_mutex_unlock(&tables[t].rows[hi].mu);
    pthread_mutex_unlock(&tables[t].rows[lo].mu);
    pthread_mutex_unlock(&tables[t].mu);
}

static void *worker(void *arg)
{
    int t = (int)(long)arg;
    update_two(t, 0, 1);
    update_two(t, 1, 0);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    for (int t = 0; t < 2; t++) {
        pthread_mutex_init(&tables[t].mu, NULL);
        for (int r = 0; r < 2; r++)
            pthread_mutex_init(&tables[t].rows[r].mu, NULL);
    }
    pthread_create(&a, NULL, worker, (void *)0L);
    pthread_create(&b, NULL, worker, (void *)1L);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("db %d t0 %d t1 %d\n", db_writes, tables[0].writes, tables[1].writes);
    return 0;
}
