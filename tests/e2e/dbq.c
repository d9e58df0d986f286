/* dbq.c: a tiny sqlite3 client for tests/e2e/trace.sh, so the test needs
 * no sqlite3 command.
 *   dbq DB SQL          print each row, columns separated by '|'
 *   dbq DB --hold SECS  hold the write lock for SECS seconds */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int row(void *ctx, int n, char **v, char **names)
{
    (void)ctx;
    (void)names;
    for (int i = 0; i < n; i++)
        printf("%s%s", i ? "|" : "", v[i] ? v[i] : "");
    putchar('\n');
    return 0;
}

int main(int argc, char **argv)
{
    sqlite3 *db;
    char *err = NULL;
    int rc;
    if (argc != 3 && argc != 4) {
        fprintf(stderr, "usage: dbq DB SQL | dbq DB --hold SECS\n");
        return 2;
    }
    if (sqlite3_open_v2(argv[1], &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)) {
        fprintf(stderr, "dbq: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    if (!strcmp(argv[2], "--hold") && argc == 4) {
        if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, &err)) {
            fprintf(stderr, "dbq: %s\n", err);
            return 1;
        }
        printf("locked\n");
        fflush(stdout);
        sleep((unsigned)atoi(argv[3]));
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        sqlite3_close(db);
        return 0;
    }
    rc = sqlite3_exec(db, argv[2], row, NULL, &err);
    if (rc) {
        fprintf(stderr, "dbq: %s\n", err);
        sqlite3_free(err);
    }
    sqlite3_close(db);
    return rc ? 1 : 0;
}
