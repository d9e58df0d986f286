/* testout.c: see testout.h. */
#include "testout.h"

#include <stdlib.h>
#include <string.h>

#include "checker/report.h"
#include "cli.h"
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
        if (!strcmp(tf->locs.p[i].file, file) && tf->locs.p[i].line == line &&
            !strcmp(tf->locs.p[i].what ? tf->locs.p[i].what : "",
                    what ? what : ""))
            return;
    l.file = wf_xstrdup(file);
    l.line = (int32_t)line;
    l.what = what ? wf_xstrdup(what) : NULL;
    VEC_PUSH(tf->locs, l);
}

/* Put the site of the task that triggered the finding first: the task's
 * entry among the JSON's tasks (same place, its name first), else a new
 * one. */
static void trigger_first(test_finding *tf, const char *file, int64_t line,
                          const char *task)
{
    size_t n = task ? strlen(task) : 0;
    test_loc l;
    if (!file || !*file || line <= 0) return;
    for (size_t i = 0; i < tf->locs.len; i++) {
        const test_loc *c = &tf->locs.p[i];
        if (!strcmp(c->file, file) && c->line == line &&
            (!n || (c->what && !strncmp(c->what, task, n)))) {
            l = tf->locs.p[i];
            memmove(&tf->locs.p[1], &tf->locs.p[0], i * sizeof l);
            tf->locs.p[0] = l;
            return;
        }
    }
    add_loc(tf, file, line, task);
    l = tf->locs.p[tf->locs.len - 1];
    memmove(&tf->locs.p[1], &tf->locs.p[0], (tf->locs.len - 1) * sizeof l);
    tf->locs.p[0] = l;
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
    locs_of_json(tf, tf->json);
    trigger_first(tf, f->file, f->f.line, f->task);
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
    free(tf->page);
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
    free(r->output);
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
    if (r->output) buf_puts(out, r->output);
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

/* ---- text for other formats -------------------------------------------- */

/* s with every byte that is not valid UTF-8 replaced by U+FFFD, and, for
 * XML, every control character but tab, newline and return too (XML 1.0
 * has no way to write them). */
static char *clean_text(const char *s, bool xml)
{
    buf b;
    buf_init(&b);
    buf_puts(&b, "");
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p;) {
        size_t n = buf_utf8_len(p);
        if (!n ||
            (xml && *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')) {
            buf_puts(&b, "\xef\xbf\xbd");
            p++;
            continue;
        }
        buf_append(&b, (const char *)p, n);
        p += n;
    }
    return b.p;
}

/* s escaped for XML text or an attribute value. */
static void xml_str(buf *out, const char *s)
{
    char *c = clean_text(s, true);
    for (const char *p = c; *p; p++)
        switch (*p) {
        case '&':
            buf_puts(out, "&amp;");
            break;
        case '<':
            buf_puts(out, "&lt;");
            break;
        case '>':
            buf_puts(out, "&gt;");
            break;
        case '"':
            buf_puts(out, "&quot;");
            break;
        case '\n':
            buf_puts(out, "&#10;");
            break;
        case '\r':
            buf_puts(out, "&#13;");
            break;
        case '\t':
            buf_puts(out, "&#9;");
            break;
        default:
            buf_putc(out, *p);
        }
    free(c);
}

/* s as XML element text (newlines kept). */
static void xml_text(buf *out, const char *s)
{
    char *c = clean_text(s, true);
    for (const char *p = c; *p; p++)
        switch (*p) {
        case '&':
            buf_puts(out, "&amp;");
            break;
        case '<':
            buf_puts(out, "&lt;");
            break;
        case '>':
            buf_puts(out, "&gt;");
            break;
        case '\r':
            buf_puts(out, "&#13;");
            break;
        default:
            buf_putc(out, *p);
        }
    free(c);
}

/* s as a JSON string of valid UTF-8. */
static void json_utf8(buf *out, const char *s)
{
    char *c = clean_text(s, false);
    json_str(out, c);
    free(c);
}

/* ---- go test -json ----------------------------------------------------- */

static void event_head(buf *out, const char *action, const char *file,
                       const char *test)
{
    buf_puts(out, "{\"Action\":");
    json_str(out, action);
    buf_puts(out, ",\"Package\":");
    json_utf8(out, file);
    if (test) {
        buf_puts(out, ",\"Test\":");
        json_utf8(out, test);
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
        json_utf8(out, line.p);
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

/* What a failing result says, whole: the reason and coverage, then each
 * finding's report. */
static void failure_text(buf *out, const test_result *r)
{
    if (r->bad_input) {
        buf_printf(out, "%s\n", r->why);
        return;
    }
    buf_printf(out, "%s (%s)\n", r->why, r->coverage);
    for (size_t i = 0; i < r->findings.len; i++)
        buf_puts(out, r->findings.p[i].report);
}

/* ---- JUnit XML --------------------------------------------------------- */

static void junit_case(buf *out, const test_result *r)
{
    const char *name = test_result_name(r);
    buf_puts(out, "    <testcase name=\"");
    xml_str(out, name);
    buf_puts(out, "\" classname=\"");
    xml_str(out, r->file);
    buf_printf(out, "\" time=\"%.3f\"", r->secs);
    if (r->pass) {
        buf_puts(out, "/>\n");
        return;
    }
    buf_puts(out, ">\n      <");
    buf_puts(out, r->bad_input ? "error" : "failure");
    buf_puts(out, " type=\"");
    xml_str(out, r->bad_input      ? "bad input"
                 : r->findings.len ? r->findings.p[0].kind
                                   : "expectation");
    buf_puts(out, "\" message=\"");
    xml_str(out, r->why);
    buf_puts(out, "\">");
    {
        buf t;
        buf_init(&t);
        failure_text(&t, r);
        xml_text(out, t.p);
        buf_fini(&t);
    }
    buf_printf(out, "</%s>\n    </testcase>\n",
               r->bad_input ? "error" : "failure");
}

void testout_junit(buf *out, const test_result *rs, size_t n, double secs)
{
    size_t fails = 0, errors = 0;
    for (size_t i = 0; i < n; i++) {
        fails += !rs[i].pass && !rs[i].bad_input;
        errors += rs[i].bad_input;
    }
    buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    buf_printf(out,
               "<testsuites name=\"weft test\" tests=\"%zu\" failures=\"%zu\" "
               "errors=\"%zu\" time=\"%.3f\">\n",
               n, fails, errors, secs);
    for (size_t i = 0; i < n;) {
        size_t j = i, f = 0, e = 0;
        double t = 0;
        while (j < n && !strcmp(rs[j].file, rs[i].file)) {
            f += !rs[j].pass && !rs[j].bad_input;
            e += rs[j].bad_input;
            t += rs[j].secs;
            j++;
        }
        buf_puts(out, "  <testsuite name=\"");
        xml_str(out, rs[i].file);
        buf_printf(out,
                   "\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" "
                   "skipped=\"0\" time=\"%.3f\" file=\"",
                   j - i, f, e, t);
        xml_str(out, rs[i].file);
        buf_puts(out, "\">\n");
        for (; i < j; i++)
            junit_case(out, &rs[i]);
        buf_puts(out, "  </testsuite>\n");
    }
    buf_puts(out, "</testsuites>\n");
}

/* ---- SARIF 2.1.0 ------------------------------------------------------- */

/* The rules: the finding kinds, in finding_kind_names' order, then a
 * missed expectation and a file weft could not explore. */
static const struct {
    const char *id, *text;
} sarif_rules[] = {
    {"deadlock", "Deadlock: goroutines blocked forever on each other (with "
                 "the Coffman conditions behind it)"},
    {"potential-deadlock", "Lock-order inversion: a cycle of mutexes taken "
                           "in opposite orders"},
    {"race", "Data race: two accesses to shared memory, one a write, not "
             "ordered by happens-before"},
    {"panic", "Panic: a misuse Go's runtime panics on (close of a closed "
              "channel, negative WaitGroup counter, ...)"},
    {"assert", "Failed assertion or test failure (t.Error, t.Fatal)"},
    {"livelock", "Livelock: goroutines keep running without progress"},
    {"starvation", "Starvation: a goroutine waits while others get the "
                   "resource again and again"},
    {"leak", "Goroutine leak: a goroutine blocked forever when the program "
             "or test ends"},
    {"expectation", "A scenario's expectation (// expect:) was not met"},
    {"bad-input", "The file could not be compiled or explored"},
};

#define SARIF_RULES (sizeof sarif_rules / sizeof sarif_rules[0])
_Static_assert(SARIF_RULES == FINDING_KINDS + 2, "a rule per finding kind");

static size_t rule_index(const char *id)
{
    for (size_t i = 0; i < SARIF_RULES; i++)
        if (!strcmp(sarif_rules[i].id, id)) return i;
    return SARIF_RULES - 1;
}

/* A file path as a URI reference: relative paths stay relative (code
 * scanning resolves them against the checkout), absolute ones become
 * file:// URIs; bytes outside RFC 3986's unreserved set and '/' are
 * percent-encoded. */
static void uri_of(buf *out, const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    buf u;
    buf_init(&u);
    while (path[0] == '.' && path[1] == '/')
        path += 2;
    if (path[0] == '/') buf_puts(&u, "file://");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
            (*p >= '0' && *p <= '9') || strchr("-._~/", *p)) {
            buf_putc(&u, (char)*p);
        } else {
            buf_putc(&u, '%');
            buf_putc(&u, hex[*p >> 4]);
            buf_putc(&u, hex[*p & 15]);
        }
    }
    json_str(out, u.p);
    buf_fini(&u);
}

static void sarif_location(buf *out, const char *file, int line, int col,
                           const char *msg, int id)
{
    buf_puts(out, "{");
    if (id >= 0) buf_printf(out, "\"id\": %d, ", id);
    buf_puts(out, "\"physicalLocation\": {\"artifactLocation\": {\"uri\": ");
    uri_of(out, file);
    buf_printf(out, "}, \"region\": {\"startLine\": %d", line > 0 ? line : 1);
    if (col > 0) buf_printf(out, ", \"startColumn\": %d", col);
    buf_puts(out, "}}");
    if (msg) {
        buf_puts(out, ", \"message\": {\"text\": ");
        json_utf8(out, msg);
        buf_puts(out, "}");
    }
    buf_puts(out, "}");
}

/* One SARIF result: rule, level, message and where. */
static void sarif_result(buf *out, bool *first, const test_result *r,
                         const char *rule, bool error, const char *text,
                         const test_finding *f)
{
    buf_puts(out, *first ? "\n        " : ",\n        ");
    *first = false;
    buf_puts(out, "{\"ruleId\": ");
    json_str(out, rule);
    buf_printf(out, ", \"ruleIndex\": %zu, \"level\": \"%s\", ",
               rule_index(rule), error ? "error" : "warning");
    buf_puts(out, "\"message\": {\"text\": ");
    json_utf8(out, text);
    buf_puts(out, "}, \"locations\": [");
    if (f && f->locs.len)
        sarif_location(out, f->locs.p[0].file, f->locs.p[0].line, 0,
                       f->locs.p[0].what, -1);
    else if (r->bad_input && r->where.file[0])
        sarif_location(out, r->where.file, r->where.line, r->where.col, NULL,
                       -1);
    else
        sarif_location(out, r->file, 1, 0, NULL, -1);
    buf_puts(out, "]");
    if (f && f->locs.len > 1) {
        buf_puts(out, ", \"relatedLocations\": [");
        for (size_t i = 1; i < f->locs.len; i++) {
            if (i > 1) buf_puts(out, ", ");
            sarif_location(out, f->locs.p[i].file, f->locs.p[i].line, 0,
                           f->locs.p[i].what, (int)i);
        }
        buf_puts(out, "]");
    }
    buf_puts(out, ", \"properties\": {\"test\": ");
    json_utf8(out, test_result_name(r));
    buf_puts(out, ", \"file\": ");
    json_utf8(out, r->file);
    if (f) {
        buf_puts(out, ", \"replay\": ");
        json_utf8(out, f->replay);
    }
    buf_puts(out, "}}");
}

void testout_sarif(buf *out, const test_result *rs, size_t n)
{
    bool first = true;
    buf_puts(out,
             "{\"$schema\": \"https://docs.oasis-open.org/sarif/sarif/v2.1.0/"
             "errata01/os/schemas/sarif-schema-2.1.0.json\",\n"
             " \"version\": \"2.1.0\",\n"
             " \"runs\": [{\n"
             "    \"tool\": {\"driver\": {\"name\": \"weft\", \"version\": ");
    json_str(out, CLI_VERSION);
    buf_puts(out, ", \"rules\": [");
    for (size_t i = 0; i < SARIF_RULES; i++) {
        bool warn =
            i == WF_POTENTIAL_DEADLOCK || i == WF_STARVATION || i == WF_LEAK;
        buf_puts(out, i ? ",\n        " : "\n        ");
        buf_puts(out, "{\"id\": ");
        json_str(out, sarif_rules[i].id);
        buf_puts(out, ", \"shortDescription\": {\"text\": ");
        json_str(out, sarif_rules[i].text);
        buf_printf(out, "}, \"defaultConfiguration\": {\"level\": \"%s\"}}",
                   warn ? "warning" : "error");
    }
    buf_puts(out, "]}},\n    \"results\": [");
    for (size_t i = 0; i < n; i++) {
        const test_result *r = &rs[i];
        if (r->pass) continue;
        if (r->bad_input) {
            sarif_result(out, &first, r, "bad-input", true, r->why, NULL);
            continue;
        }
        if (!r->findings.len) {
            buf t;
            buf_init(&t);
            buf_printf(&t, "%s: %s (%s)", test_result_name(r), r->why,
                       r->coverage);
            sarif_result(out, &first, r, "expectation", true, t.p, NULL);
            buf_fini(&t);
        }
        for (size_t k = 0; k < r->findings.len; k++) {
            const test_finding *f = &r->findings.p[k];
            buf t;
            buf_init(&t);
            if (r->name) buf_printf(&t, "%s: ", r->name);
            buf_puts(&t, f->report);
            while (t.len && t.p[t.len - 1] == '\n')
                t.p[--t.len] = '\0';
            sarif_result(out, &first, r, f->kind, f->error, t.p, f);
            buf_fini(&t);
        }
    }
    buf_puts(out, first ? "]\n  }]\n}\n" : "\n    ]\n  }]\n}\n");
}

/* ---- GitHub Actions annotations ---------------------------------------- */

/* s escaped as a workflow command's data (property: as a property value,
 * where ':' and ',' separate). */
static void gh_escape(buf *out, const char *s, bool property)
{
    char *c = clean_text(s, false);
    for (const char *p = c; *p; p++)
        switch (*p) {
        case '%':
            buf_puts(out, "%25");
            break;
        case '\r':
            buf_puts(out, "%0D");
            break;
        case '\n':
            buf_puts(out, "%0A");
            break;
        case ':':
            buf_puts(out, property ? "%3A" : ":");
            break;
        case ',':
            buf_puts(out, property ? "%2C" : ",");
            break;
        default:
            buf_putc(out, *p);
        }
    free(c);
}

static void gh_command(buf *out, bool error, const char *file, int line,
                       int col, const char *title, const char *msg)
{
    buf_puts(out, error ? "::error file=" : "::warning file=");
    gh_escape(out, file, true);
    buf_printf(out, ",line=%d", line > 0 ? line : 1);
    if (col > 0) buf_printf(out, ",col=%d", col);
    buf_puts(out, ",title=");
    gh_escape(out, title, true);
    buf_puts(out, "::");
    while (*msg == '\n')
        msg++;
    {
        size_t n = strlen(msg);
        buf m;
        buf_init(&m);
        buf_append(&m, msg, n);
        while (m.len && m.p[m.len - 1] == '\n')
            m.p[--m.len] = '\0';
        gh_escape(out, m.p, false);
        buf_fini(&m);
    }
    buf_putc(out, '\n');
}

void testout_github(buf *out, const test_result *r)
{
    buf title;
    if (r->pass) return;
    buf_init(&title);
    if (r->bad_input) {
        buf_printf(&title, "weft: %s", test_result_name(r));
        gh_command(out, true, r->where.file[0] ? r->where.file : r->file,
                   r->where.line, r->where.col, title.p, r->why);
    } else if (!r->findings.len) {
        buf m;
        buf_init(&m);
        buf_printf(&m, "%s (%s)", r->why, r->coverage);
        buf_printf(&title, "weft: %s", test_result_name(r));
        gh_command(out, true, r->file, 1, 0, title.p, m.p);
        buf_fini(&m);
    }
    for (size_t i = 0; i < r->findings.len; i++) {
        const test_finding *f = &r->findings.p[i];
        const test_loc *l = f->locs.len ? &f->locs.p[0] : NULL;
        buf_reset(&title);
        buf_printf(&title, "weft: %s in %s", f->kind, test_result_name(r));
        gh_command(out, f->error, l ? l->file : r->file, l ? l->line : 1, 0,
                   title.p, f->report);
    }
    buf_fini(&title);
}
