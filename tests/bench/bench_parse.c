/* bench_parse.c: front-end throughput (make bench). Builds a 16 MB Go file
 * from a realistic concurrent template (deterministic, in memory), then
 * times lexing alone and lexing + parsing, and prints MB/s. Real time is
 * read here only, to measure. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sim/lang/lex.h"
#include "sim/lang/parse.h"

static const char tmpl[] =
    "// worker%d drains jobs until the context is done.\n"
    "func worker%d(ctx context.Context, id int, jobs <-chan Job, out chan<- "
    "Result, wg *sync.WaitGroup) {\n"
    "\tdefer wg.Done()\n"
    "\tfor {\n"
    "\t\tselect {\n"
    "\t\tcase j, ok := <-jobs:\n"
    "\t\t\tif !ok {\n"
    "\t\t\t\treturn\n"
    "\t\t\t}\n"
    "\t\t\tr := Result{ID: j.ID, Sum: 0, Tags: []string{\"a\", \"b\"}}\n"
    "\t\t\tfor i, v := range j.Values {\n"
    "\t\t\t\tr.Sum += v * (i + 1) %% 7\n"
    "\t\t\t}\n"
    "\t\t\tswitch x := any(r.Sum).(type) {\n"
    "\t\t\tcase int:\n"
    "\t\t\t\tr.Note = fmt.Sprintf(\"%%d:%%d\", id, x)\n"
    "\t\t\tdefault:\n"
    "\t\t\t}\n"
    "\t\t\tmu.Lock()\n"
    "\t\t\tcounts[id]++\n"
    "\t\t\tmu.Unlock()\n"
    "\t\t\tout <- r\n"
    "\t\tcase <-ctx.Done():\n"
    "\t\t\treturn\n"
    "\t\t}\n"
    "\t}\n"
    "}\n\n";

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(void)
{
    buf src;
    int i, reps = 5;
    double t0, lex_s = 1e9, parse_s = 1e9, mb;
    size_t ntok = 0;

    buf_init(&src);
    buf_puts(&src, "package main\n\nimport (\n\t\"context\"\n\t\"fmt\"\n"
                   "\t\"sync\"\n)\n\n");
    for (i = 0; src.len < 16u << 20; i++)
        buf_printf(&src, tmpl, i, i);
    mb = (double)src.len / (1 << 20);

    for (i = 0; i < reps; i++) {
        arena a;
        lex_state lx;
        lex_token t;
        arena_init(&a);
        lex_init(&lx, "bench.go", (const unsigned char *)src.p, src.len, &a);
        ntok = 0;
        t0 = now();
        do {
            if (lex_next(&lx, &t, NULL) != WF_OK) return 1;
            ntok++;
        } while (t.kind != TK_EOF);
        t0 = now() - t0;
        if (t0 < lex_s) lex_s = t0;
        arena_fini(&a);
    }
    for (i = 0; i < reps; i++) {
        ast_file *f;
        wf_diag d;
        t0 = now();
        if (parse_file("bench.go", (const unsigned char *)src.p, src.len, &f,
                       &d) != WF_OK) {
            fprintf(stderr, "bench_parse: %d:%d: %s\n", d.line, d.col, d.msg);
            return 1;
        }
        t0 = now() - t0;
        if (t0 < parse_s) parse_s = t0;
        ast_file_free(f);
    }
    printf("bench_parse: %.1f MB, %zu tokens: lex %.0f MB/s (%.1f Mtok/s), "
           "lex+parse %.0f MB/s\n",
           mb, ntok, mb / lex_s, (double)ntok / lex_s / 1e6, mb / parse_s);
    buf_fini(&src);
    return 0;
}
