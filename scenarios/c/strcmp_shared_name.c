// expect: race
//
// A worker renames a session (strcpy into a shared name buffer) while
// main compares the name with strcmp and measures it with strlen, all
// without a lock: libc's strcmp and strlen read the bytes being written.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static char name[16] = "alpha";

static void *renamer(void *arg)
{
    (void)arg;
    strcpy(name, "beta");
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, renamer, NULL);
    int is_alpha = strcmp(name, "alpha") == 0; /* BUG: unlocked */
    size_t len = strlen(name);
    pthread_join(t, NULL);
    printf("%d %zu\n", is_alpha, len);
    return 0;
}
