// expect: livelock
//
// The setter of the flag first waits for the end of the thread spinning
// on it (the order backwards): the spinner can never see the flag set,
// the setter waits for it in pthread_join, and main waits for the setter.
// Natively the program hangs; weft reports the spin as a livelock and
// says what each blocked thread waits for.
#include <pthread.h>
#include <stdio.h>

static int stop;
static pthread_t spinner;

static void *spin(void *arg)
{
    while (!stop) {
    }
    return arg;
}

static void *setter(void *arg)
{
    pthread_join(spinner, NULL); /* BUG: before the store, not after */
    stop = 1;
    return arg;
}

int main(void)
{
    pthread_t s;
    pthread_create(&spinner, NULL, spin, NULL);
    pthread_create(&s, NULL, setter, NULL);
    pthread_join(s, NULL);
    printf("done\n");
    return 0;
}
