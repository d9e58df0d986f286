/* test_badcorpus.c: every file in tests/e2e/bad/ is malformed and says on
 * its first line what parsing it must report:
 *     // error: LINE:COL: substring of the message
 * The parser must return exactly one clean error there (no crash, no
 * leak under ASan), with that position and a message containing the
 * substring. */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/lang/parse.h"
#include "sim/util.h"

static char *bad_dir(void)
{
    const char *f = __FILE__, *slash = strrchr(f, '/');
    buf b;
    buf_init(&b);
    if (slash) buf_append(&b, f, (size_t)(slash - f + 1));
    buf_puts(&b, "../e2e/bad");
    return b.p;
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted names of the .go files in dir; *n gets their count. */
static char **list_go(const char *dir, size_t *n)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    VEC(char *) v = {0};
    ck_assert_msg(d != NULL, "no directory %s", dir);
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len > 3 && strcmp(e->d_name + len - 3, ".go") == 0)
            VEC_PUSH(v, wf_xstrdup(e->d_name));
    }
    closedir(d);
    qsort(v.p, v.len, sizeof *v.p, cmp);
    *n = v.len;
    return v.p;
}

static unsigned char *slurp(const char *path, size_t *n)
{
    FILE *fp = fopen(path, "rb");
    unsigned char *p;
    long len;
    ck_assert_msg(fp != NULL, "cannot open %s", path);
    fseek(fp, 0, SEEK_END);
    len = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    p = wf_xmalloc((size_t)len + 1);
    *n = fread(p, 1, (size_t)len, fp);
    p[*n] = 0;
    fclose(fp);
    return p;
}

START_TEST(each_bad_file_gives_its_stated_error)
{
    char *dir = bad_dir();
    size_t n, i;
    char **names = list_go(dir, &n);
    ck_assert_uint_ge(n, 50);
    for (i = 0; i < n; i++) {
        char path[1024], want[512];
        int line, col, off = 0;
        size_t len;
        unsigned char *src;
        const char *nl;
        ast_file *f = NULL;
        wf_diag d;

        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        src = slurp(path, &len);
        ck_assert_msg(sscanf((const char *)src, "// error: %d:%d: %n", &line,
                             &col, &off) == 2 &&
                          off > 0,
                      "%s: first line is not // error: LINE:COL: text",
                      names[i]);
        nl = strchr((const char *)src + off, '\n');
        ck_assert_msg(nl != NULL, "%s: no newline after the directive",
                      names[i]);
        snprintf(want, sizeof want, "%.*s",
                 (int)(nl - ((const char *)src + off)),
                 (const char *)src + off);
        ck_assert_msg(parse_file(path, src, len, &f, &d) == WF_ERR_INPUT,
                      "%s: parsed without error", names[i]);
        ck_assert(f == NULL);
        ck_assert_msg(d.line == line && d.col == col && strstr(d.msg, want),
                      "%s: want %d:%d: ...%s..., got %d:%d: %s", names[i], line,
                      col, want, d.line, d.col, d.msg);
        ck_assert_str_eq(d.file, path);
        free(src);
        free(names[i]);
    }
    free(names);
    free(dir);
}
END_TEST

Suite *badcorpus_suite(void)
{
    Suite *s = suite_create("badcorpus");
    TCase *tc = tcase_create("badcorpus");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, each_bad_file_gives_its_stated_error);
    suite_add_tcase(s, tc);
    return s;
}
