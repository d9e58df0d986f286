/* testout.c: see testout.h. */
#include "testout.h"

#include <stdlib.h>
#include <string.h>

#include "checker/report.h"
#include "viewjson.h"

const char *test_result_name(const test_result *r)
{
    return r->name ? r->name : r->file;
}

/* ---- findings ---------------------------------------------------------- */

static void add_loc(test_finding *tf, const char *file, int64_t line,
                    const char *what)
{
    test_loc l;
    if (!file || !*file || line <= 0) return;
    for (size_t i = 0; i < tf->locs.len; i++)
        if (!strcmp(tf->locs.p[i].file, file) && tf->locs.p[i].line == line) {
            if (!tf->locs.p[i].what && what)
                tf->locs.p[i].what = wf_xstrdup(what);
            return;
        }
    l.file = wf_xstrdup(file);
    l.line = (int32_t)line;
    l.what = what ? wf_xstrdup(what) : NULL;
    VEC_PUSH(tf->locs, l);
}

/* The sites of the tasks a finding's JSON object names ("tasks": file,
 * line, and what each did). */
static void locs_of_json(test_finding *tf, const char *json)
{
    viewjson j;
    int32_t tasks, obj0;
    const char *objname = NULL;
    if (!viewjson_parse(&j, json)) {
        viewjson_fini(&j);
        return;
    }
    obj0 = viewjson_first(&j, viewjson_get(&j, 0, "objects"));
    if (obj0 >= 0) objname = viewjson_str(&j, viewjson_get(&j, obj0, "name"));
    tasks = viewjson_get(&j, 0, "tasks");
    for (int32_t t = viewjson_first(&j, tasks); t >= 0;
         t = viewjson_next(&j, t)) {
        const char *file = viewjson_str(&j, viewjson_get(&j, t, "file"));
        const char *name = viewjson_str(&j, viewjson_get(&j, t, "name"));
        const char *access = viewjson_str(&j, viewjson_get(&j, t, "access"));
        const char *opname = viewjson_str(&j, viewjson_get(&j, t, "op"));
        const char *obj = viewjson_str(&j, viewjson_get(&j, t, "object"));
        int64_t line = 0;
        buf what;
        viewjson_int(&j, viewjson_get(&j, t, "line"), &line);
        buf_init(&what);
        buf_puts(&what, name ? name : "a goroutine");
        if (access)
            buf_printf(&what, " %ss %s", access,
                       obj       ? obj
                       : objname ? objname
                                 : "");
        else if (opname)
            buf_printf(&what, " %s %s", opname, obj ? obj : "");
        while (what.len && what.p[what.len - 1] == ' ')
            what.p[--what.len] = '\0';
        add_loc(tf, file, line, what.p);
        buf_fini(&what);
    }
    viewjson_fini(&j);
}

void test_finding_init(test_finding *tf, const xfinding *f,
                       const char *replay_prefix)
{
    report_info ri;
    buf b;
    memset(tf, 0, sizeof *tf);
    memset(&ri, 0, sizeof ri);
    ri.replay = replay_prefix;
    tf->kind = wf_xstrdup(finding_kind_names[f->f.kind]);
    tf->error = f->f.error;
    tf->message = wf_xstrdup(f->message ? f->message : "");
    buf_init(&b);
    report_finding_text(&b, f, &ri);
    tf->report = b.p ? b.p : wf_xstrdup("");
    buf_init(&b);
    buf_printf(&b, "%s %s", replay_prefix, f->schedule ? f->schedule : "");
    tf->replay = b.p;
    buf_init(&b);
    report_finding_json(&b, f);
    tf->json = b.p;
    add_loc(tf, f->file, f->f.line, f->task);
    locs_of_json(tf, tf->json);
}

static void test_finding_fini(test_finding *tf)
{
    for (size_t i = 0; i < tf->locs.len; i++) {
        free(tf->locs.p[i].file);
        free(tf->locs.p[i].what);
    }
    VEC_FREE(tf->locs);
    free(tf->kind);
    free(tf->message);
    free(tf->report);
    free(tf->replay);
    free(tf->json);
}

void test_result_fini(test_result *r)
{
    for (size_t i = 0; i < r->findings.len; i++)
        test_finding_fini(&r->findings.p[i]);
    VEC_FREE(r->findings);
    free(r->file);
    free(r->name);
    free(r->what);
    free(r->why);
    free(r->coverage);
    memset(r, 0, sizeof *r);
}

/* ---- text -------------------------------------------------------------- */

/* Append text with each line indented by ind. */
static void indented(buf *out, const char *text, const char *ind)
{
    for (const char *p = text ? text : ""; *p;) {
        size_t n = strcspn(p, "\n");
        buf_printf(out, "%s%.*s\n", ind, (int)n, p);
        p += n + (p[n] == '\n');
    }
}

static void reports(buf *out, const test_result *r, const char *ind)
{
    for (size_t i = 0; i < r->findings.len; i++)
        indented(out, r->findings.p[i].report, ind);
}

void testout_text(buf *out, const test_result *r, bool quiet)
{
    if (r->bad_input) {
        buf_printf(out, "FAIL  %s%s%s\n", r->file, r->name ? " " : "",
                   r->name ? r->name : "");
        indented(out, r->why, "    ");
        return;
    }
    if (r->pass && quiet) return;
    buf_printf(out, "%s  %s%s%s: %s (%s, %.2fs)\n", r->pass ? "ok  " : "FAIL",
               r->file, r->name ? " " : "", r->name ? r->name : "",
               r->pass ? r->what : r->why, r->coverage, r->secs);
    if (!r->pass) reports(out, r, "    ");
}

void testout_verbose(buf *out, const test_result *r)
{
    const char *name = test_result_name(r);
    buf_printf(out, "=== RUN   %s\n", name);
    if (r->bad_input)
        indented(out, r->why, "    ");
    else
        buf_printf(out, "    %s (%s)\n", r->pass ? r->what : r->why,
                   r->coverage);
    if (!r->pass) reports(out, r, "    ");
    buf_printf(out, "--- %s: %s (%.2fs)\n", r->pass ? "PASS" : "FAIL", name,
               r->secs);
}

void testout_file_end(buf *out, const char *file, bool pass, double secs)
{
    buf_printf(out, "%s\t%s\t%.3fs\n", pass ? "ok  " : "FAIL", file, secs);
}

/* ---- go test -json ----------------------------------------------------- */

static void event_head(buf *out, const char *action, const char *file,
                       const char *test)
{
    buf_puts(out, "{\"Action\":");
    json_str(out, action);
    buf_puts(out, ",\"Package\":");
    json_str(out, file);
    if (test) {
        buf_puts(out, ",\"Test\":");
        json_str(out, test);
    }
}

/* One "output" event per line of text. */
static void output_events(buf *out, const char *file, const char *test,
                          const char *text)
{
    for (const char *p = text; *p;) {
        size_t n = strcspn(p, "\n");
        buf line;
        buf_init(&line);
        buf_append(&line, p, n);
        buf_putc(&line, '\n');
        event_head(out, "output", file, test);
        buf_puts(out, ",\"Output\":");
        json_str(out, line.p);
        buf_puts(out, "}\n");
        buf_fini(&line);
        p += n + (p[n] == '\n');
    }
}

void testout_json_start(buf *out, const char *file)
{
    event_head(out, "start", file, NULL);
    buf_puts(out, "}\n");
}

void testout_json_result(buf *out, const test_result *r)
{
    const char *name = test_result_name(r);
    buf v;
    event_head(out, "run", r->file, name);
    buf_puts(out, "}\n");
    buf_init(&v);
    testout_verbose(&v, r);
    output_events(out, r->file, name, v.p ? v.p : "");
    buf_fini(&v);
    event_head(out, r->pass ? "pass" : "fail", r->file, name);
    buf_printf(out, ",\"Elapsed\":%.3f", r->secs);
    if (!r->bad_input)
        buf_printf(out, ",\"Executions\":%lld,\"Complete\":%s",
                   (long long)r->executions, r->complete ? "true" : "false");
    if (!r->pass) {
        buf_puts(out, ",\"Reason\":");
        json_str(out, r->why);
    }
    buf_puts(out, ",\"Findings\":[");
    for (size_t i = 0; i < r->findings.len; i++) {
        if (i) buf_putc(out, ',');
        buf_puts(out, r->findings.p[i].json);
    }
    buf_puts(out, "]}\n");
}

void testout_json_file_end(buf *out, const char *file, bool pass, double secs)
{
    buf line;
    buf_init(&line);
    testout_file_end(&line, file, pass, secs);
    output_events(out, file, NULL, line.p);
    buf_fini(&line);
    event_head(out, pass ? "pass" : "fail", file, NULL);
    buf_printf(out, ",\"Elapsed\":%.3f}\n", secs);
}
