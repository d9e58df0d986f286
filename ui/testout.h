/* testout.h: what `weft test` found, as data, and its printers: the
 * default lines ("ok    FILE: deadlock (...)"), go test -v's shape
 * (=== RUN, --- FAIL: TestX (0.01s)), go test -json's event lines.
 * testcmd.c judges; this file renders, so every format says the same.
 * Owns: each test_result's strings and findings (heap) until
 *   test_result_fini. The printers own nothing. */
#ifndef WF_TESTOUT_H
#define WF_TESTOUT_H

#include <stdio.h>

#include "sim/explore.h"

/* A source position a finding involves (a task's operation). */
typedef struct test_loc {
    char *file;
    int32_t line;
    char *what; /* "g1 main.func1 writes counter", or NULL */
} test_loc;

/* A finding that fails a test, with what every format needs of it. */
typedef struct test_finding {
    char *kind; /* "race" */
    bool error;
    char *message;      /* "data race on counter" */
    char *report;       /* the text report, its replay line included */
    char *replay;       /* "weft replay FILE --schedule S" */
    char *json;         /* the finding's JSON object (as --json gives it) */
    VEC(test_loc) locs; /* the trigger's first, then the other tasks' */
    char *page;         /* --html: its witness run's page, or NULL */
} test_finding;

/* One test: a scenario file, one TestXxx of a test file, or a test file
 * judged as a whole by its expect: lines. */
typedef struct test_result {
    char *file; /* the file (go test's "package") */
    char *name; /* TestXxx; NULL: the file itself */
    bool pass;
    bool bad_input; /* the file could not be explored; why says how */
    wf_diag where;  /* bad input: the position (file may be empty) */
    char *what;     /* passing: what was expected and found ("deadlock") */
    char *why;      /* failing: "expected nothing, found race", or the
                       error message of bad input */
    char *coverage; /* "15 executions, complete"; NULL for bad input */
    int64_t executions;
    bool complete;
    double secs;
    VEC(test_finding) findings; /* the findings that fail it */
    char *output; /* -v: the output of one execution, or NULL */
} test_result;

/* The name a result is shown by: its test, else its file. */
const char *test_result_name(const test_result *r);
/* Copy finding f of an exploration of file into tf; replay_prefix
 * precedes the schedule in its replay line. */
void test_finding_init(test_finding *tf, const xfinding *f,
                       const char *replay_prefix);
void test_result_fini(test_result *r);

/* The default lines of r: "ok    LABEL: what (coverage, secs)" or
 * "FAIL  LABEL: why (...)" and the failing findings' reports indented;
 * quiet: nothing for a pass. */
void testout_text(buf *out, const test_result *r, bool quiet);
/* go test -v's lines of r: "=== RUN   NAME", the detail indented,
 * "--- PASS: NAME (0.01s)". */
void testout_verbose(buf *out, const test_result *r);
/* The line closing a file's results as go test closes a package:
 * "ok  \tFILE\t0.01s" or "FAIL\tFILE\t0.01s". */
void testout_file_end(buf *out, const char *file, bool pass, double secs);

/* go test -json (test2json) events, one JSON object a line: "start" for
 * a file, then for each result "run", its -v lines as "output", and
 * "pass" or "fail" with Elapsed and weft's own members (Executions,
 * Complete, Reason, Findings); a file ends with its own "pass"/"fail". */
void testout_json_start(buf *out, const char *file);
void testout_json_result(buf *out, const test_result *r);
void testout_json_file_end(buf *out, const char *file, bool pass, double secs);

/* CI formats (issue 17): for every result of a `weft test` run.
 * JUnit XML as Jenkins, GitLab and GitHub's test reporters read it (the
 * Ant/Surefire format, tests/schemas/junit-10.xsd): a testsuite per file,
 * a testcase per TestXxx or scenario, a failure holding the reason, the
 * findings and their replay lines, an error for a file that could not be
 * explored. secs: the whole run's time. */
void testout_junit(buf *out, const test_result *rs, size_t n, double secs);
/* SARIF 2.1.0 (tests/schemas/sarif-schema-2.1.0.json): one run of the
 * tool "weft", a rule per finding kind (and for a missed expectation and
 * bad input), a result per failing finding with its first task's site as
 * the location and the other tasks' as related locations, so code
 * scanning annotates the lines. */
void testout_sarif(buf *out, const test_result *rs, size_t n);
/* GitHub Actions workflow commands for a failing result: one
 * "::error file=F,line=L,title=T::message" (or ::warning) a finding, the
 * message's lines escaped as the runner reads them (%0A). Nothing for a
 * pass. */
void testout_github(buf *out, const test_result *r);

#endif
