// expect: outcomes "config 3 logger 1\n"
//
// Two lazily initialised subsystems with pthread_once: the config's
// init routine needs the logger and calls pthread_once on the logger's
// own control (a different once_t, which is fine); threads use either.
#include <pthread.h>
#include <stdio.h>

static pthread_once_t config_once = PTHREAD_ONCE_INIT;
static pthread_once_t logger_once = PTHREAD_ONCE_INIT;
static int config_value, logger_ready, logger_inits;

static void logger_init(void)
{
    logger_inits++;
    logger_ready = 1;
}

static void config_init(void)
{
    pthread_once(&logger_once, logger_init);
    config_value = logger_ready ? 3 : -1;
}

static void *use_config(void *arg)
{
    int *out = arg;
    pthread_once(&config_once, config_init);
    *out = config_value;
    return NULL;
}

static void *use_logger(void *arg)
{
    int *out = arg;
    pthread_once(&logger_once, logger_init);
    *out = logger_ready;
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    int ca, lb;
    pthread_create(&a, NULL, use_config, &ca);
    pthread_create(&b, NULL, use_logger, &lb);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    if (lb != 1)
        return 1;
    printf("config %d logger %d\n", ca, logger_inits);
    return 0;
}
