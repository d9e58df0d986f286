// expect: outcomes "lines 4\n"
//
// Two threads append lines to a log file opened with fopen, each
// fprintf under one mutex; main closes the file after the joins and
// reads it back, counting lines. The FILE is shared, but every use of it
// is ordered by the lock or the joins.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static FILE *log_file;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
    int id = (int)(long)arg;
    for (int i = 0; i < 2; i++) {
        pthread_mutex_lock(&log_lock);
        fprintf(log_file, "worker %d line %d\n", id, i);
        pthread_mutex_unlock(&log_lock);
    }
    return NULL;
}

int main(void)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/weft-log-%ld.txt", (long)getpid());
    log_file = fopen(path, "w");
    if (log_file == NULL)
        return 1;
    pthread_t a, b;
    pthread_create(&a, NULL, worker, (void *)1L);
    pthread_create(&b, NULL, worker, (void *)2L);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    fclose(log_file);
    FILE *in = fopen(path, "r");
    if (in == NULL)
        return 1;
    int lines = 0;
    for (int c; (c = fgetc(in)) != EOF;)
        lines += c == '\n';
    fclose(in);
    remove(path);
    printf("lines %d\n", lines);
    return 0;
}
