// expect: deadlock
//
// A lock-order inversion between two subsystems: reloading the config
// holds the config lock and logs (taking the log lock); rotating the log
// holds the log lock and reads the config for the new file name (taking
// the config lock).
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static pthread_mutex_t config_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t log_mu = PTHREAD_MUTEX_INITIALIZER;
static char log_dir[32] = "/var/log", log_lines[4][32];
static int nlines, generation;

static void log_line(const char *s)
{
    pthread_mutex_lock(&log_mu);
    strncpy(log_lines[nlines++ % 4], s, 31);
    pthread_mutex_unlock(&log_mu);
}

static void *reload(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&config_mu);
    strcpy(log_dir, "/srv/log");
    log_line("config reloaded");
    pthread_mutex_unlock(&config_mu);
    return NULL;
}

static void *rotate(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&log_mu);
    pthread_mutex_lock(&config_mu);
    generation += (int)strlen(log_dir);
    pthread_mutex_unlock(&config_mu);
    nlines = 0;
    pthread_mutex_unlock(&log_mu);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, reload, NULL);
    pthread_create(&b, NULL, rotate, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%d\n", generation);
    return 0;
}
