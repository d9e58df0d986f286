/* reportcmd.c: see reportcmd.h. */
#include "reportcmd.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "ui/html.h"

wf_status reportcmd_html(const char *db, int64_t run_id, int64_t k,
                         const char *path, int64_t *shown, wf_diag *d)
{
    viewmodel *m;
    wf_status st;
    int64_t id = run_id;
    buf page;
    FILE *f;
    bool ok;
    if ((st = viewmodel_open(&m, db, d)) != WF_OK) return st;
    if (id <= 0 && (st = viewmodel_default_run(m, &id, d)) != WF_OK) goto out;
    if (id <= 0) {
        st = diag_set(d, db, 0, 0, "the database has no runs");
        goto out;
    }
    if ((st = viewmodel_load(m, id, k > 0 ? k : 0, d)) != WF_OK) goto out;
    buf_init(&page);
    html_page(m, db, &page);
    if (m->broken) {
        *d = m->err;
        st = WF_ERR_INPUT;
        buf_fini(&page);
        goto out;
    }
    errno = 0;
    f = strcmp(path, "-") ? fopen(path, "w") : stdout; /* -: stdout */
    ok = f && fwrite(page.p, 1, page.len, f) == page.len;
    if (f && (f == stdout ? fflush(f) : fclose(f)) != 0) ok = false;
    buf_fini(&page);
    if (!ok) {
        st = diag_set(d, path, 0, 0, "cannot write the page: %s",
                      strerror(errno));
        goto out;
    }
    if (shown) *shown = m->run.id;
out:
    viewmodel_free(m);
    return st;
}

int reportcmd_exec(const cli_opts *o)
{
    wf_diag d;
    int64_t shown = 0;
    if (reportcmd_html(o->file, o->run_id, o->finding_k, o->html_path, &shown,
                       &d) != WF_OK) {
        char m[1700];
        diag_format(&d, m, sizeof m);
        fprintf(stderr, "weft: %s\n", m);
        return 2;
    }
    if (strcmp(o->html_path, "-"))
        printf("%s: run %lld of %s\n", o->html_path, (long long)shown,
               o->file);
    return 0;
}
