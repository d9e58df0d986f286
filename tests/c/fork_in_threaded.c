// A threaded program forks a child (which exits at once) and waits for
// it. weft does not model processes: the child would be a copy of the
// program mid-execution exploring on its own (it was: two summaries and
// a "not deterministic" error). tests/e2e/cc.sh checks that fork is
// refused at its line with exit status 2 and no finding.
#include <pthread.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static void *worker(void *arg)
{
    (void)arg;
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pid_t pid = fork();
    if (pid == 0)
        _exit(0);
    int st;
    waitpid(pid, &st, 0);
    pthread_join(t, NULL);
    puts("done");
    return 0;
}
