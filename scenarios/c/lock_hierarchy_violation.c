// expect: deadlock
//
// The same hierarchy (table -> row) but a compaction path takes a row
// first and then its table to bump the table's counter: it and an update
// holding the table and waiting for the row can wait on each other.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t table_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t row_mu = PTHREAD_MUTEX_INITIALIZER;
static int table_writes, row_value;

static void *update(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&table_mu);
    table_writes++;
    pthread_mutex_lock(&row_mu);
    row_value++;
    pthread_mutex_unlock(&row_mu);
    pthread_mutex_unlock(&table_mu);
    return NULL;
}

static void *compact(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&row_mu);
    row_value = 0;
    pthread_mutex_lock(&table_mu);
    table_writes++;
    pthread_mutex_unlock(&table_mu);
    pthread_mutex_unlock(&row_mu);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, update, NULL);
    pthread_create(&b, NULL, compact, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%d %d\n", table_writes, row_value);
    return 0;
}
