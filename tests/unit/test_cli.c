/* test_cli.c: the command line (ui/cli_opts.c): getopt_long's conventions
 * (--opt=value, --, grouped letters), names never abbreviated, the
 * "belongs to" message, --run as a test pattern and as the older spelling
 * of --run-id, weft test's options handed to every file over its own, and
 * --help generated from the same table the parser reads: every option it
 * lists parses, and it never names SPEC sections. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/cli.h"

/* Parse the words of line (split at spaces) as weft's argv[1..]. */
static wf_status parse_line(const char *line, bool weft, cli_opts *o,
                            wf_diag *d, char *store, char **argv)
{
    int argc = 0;
    strcpy(store, line);
    argv[argc++] = weft ? "weft" : "./prog";
    for (char *w = strtok(store, " "); w; w = strtok(NULL, " "))
        argv[argc++] = w;
    argv[argc] = NULL;
    return cli_parse(argc, argv, 1, weft, o, d);
}

#define PARSE(line, weft)                                                      \
    char store_[512], *argv_[64];                                              \
    cli_opts o;                                                                \
    wf_diag d;                                                                 \
    wf_status st = parse_line(line, weft, &o, &d, store_, argv_)

START_TEST(long_options_take_equals_or_the_next_word)
{
    PARSE("explore x.go --seed=3 --preemptions 2 --time=loose -q", true);
    ck_assert_int_eq(st, WF_OK);
    ck_assert_int_eq(o.cmd, CMD_EXPLORE);
    ck_assert_str_eq(o.file, "x.go");
    ck_assert_uint_eq(o.seed, 3);
    ck_assert_int_eq(o.preemptions, 2);
    ck_assert_int_eq(o.time_loose, 1);
    ck_assert(o.quiet);
    cli_opts_fini(&o);
}
END_TEST

START_TEST(names_are_never_abbreviated)
{
    PARSE("run x.go --see 3", true);
    ck_assert_int_eq(st, WF_ERR_INPUT);
    ck_assert_ptr_nonnull(strstr(d.msg, "unknown option '--see'"));
    ck_assert_ptr_nonnull(strstr(d.msg, "did you mean --seed?"));
    cli_opts_fini(&o);
}
END_TEST

START_TEST(a_flag_given_a_value_is_refused)
{
    PARSE("explore x.go --json=yes", true);
    ck_assert_int_eq(st, WF_ERR_INPUT);
    ck_assert_ptr_nonnull(strstr(d.msg, "--json takes no value"));
    cli_opts_fini(&o);
}
END_TEST

START_TEST(double_dash_ends_the_options)
{
    PARSE("test -qv -- --odd-name.go dir", true);
    ck_assert_int_eq(st, WF_OK);
    ck_assert(o.quiet && o.verbose);
    ck_assert_uint_eq(o.paths.len, 2);
    ck_assert_str_eq(o.paths.p[0], "--odd-name.go");
    cli_opts_fini(&o);
}
END_TEST

START_TEST(a_c_program_gets_its_arguments_after_double_dash)
{
    {
        PARSE("explore --max-executions 5 -- -a b", false);
        ck_assert_int_eq(st, WF_OK);
        ck_assert_int_eq(o.max_executions, 5);
        ck_assert_int_eq(o.prog_argc, 2);
        ck_assert_str_eq(o.prog_argv[0], "-a");
        cli_opts_fini(&o);
    }
    {
        PARSE("run x.go -- -v 3", true); /* a Go program's os.Args */
        ck_assert_int_eq(st, WF_OK);
        ck_assert_str_eq(o.file, "x.go");
        ck_assert_int_eq(o.prog_argc, 2);
        ck_assert_str_eq(o.prog_argv[0], "-v");
        cli_opts_fini(&o);
    }
    {
        PARSE("run -- x.go a", true);
        ck_assert_int_eq(st, WF_OK);
        ck_assert_str_eq(o.file, "x.go");
        ck_assert_int_eq(o.prog_argc, 1);
        ck_assert_str_eq(o.prog_argv[0], "a");
        cli_opts_fini(&o);
    }
    {
        PARSE("explore stray", false);
        ck_assert_int_eq(st, WF_ERR_INPUT);
        ck_assert_ptr_nonnull(strstr(d.msg, "after --"));
        cli_opts_fini(&o);
    }
    {
        PARSE("run --go 1.21", false);
        ck_assert_int_eq(st, WF_ERR_INPUT);
        ck_assert_ptr_nonnull(strstr(d.msg, "not an option of a C program"));
        cli_opts_fini(&o);
    }
}
END_TEST

START_TEST(an_option_of_another_command_says_whose_it_is)
{
    PARSE("list t.db --schedule s", true);
    ck_assert_int_eq(st, WF_ERR_INPUT);
    ck_assert_str_eq(d.msg, "--schedule belongs to run and replay, not list");
    cli_opts_fini(&o);
}
END_TEST

START_TEST(bad_values_name_the_option_and_the_value)
{
    {
        PARSE("explore x.go --preemptions many", true);
        ck_assert_int_eq(st, WF_ERR_INPUT);
        ck_assert_str_eq(d.msg, "--preemptions needs an integer from 0 to "
                                "1000000, not 'many'");
        cli_opts_fini(&o);
    }
    {
        PARSE("explore x.go --cond-order lifo", true);
        ck_assert_int_eq(st, WF_ERR_INPUT);
        ck_assert_str_eq(d.msg, "--cond-order is fifo or any, not 'lifo'");
        cli_opts_fini(&o);
    }
    {
        PARSE("explore x.go --seed", true);
        ck_assert_int_eq(st, WF_ERR_INPUT);
        ck_assert_str_eq(d.msg, "--seed needs a value (--seed N)");
        cli_opts_fini(&o);
    }
}
END_TEST

START_TEST(run_is_a_pattern_for_tests_and_an_id_for_databases)
{
    {
        PARSE("explore x_test.go --run ^TestA$", true);
        ck_assert_int_eq(st, WF_OK);
        ck_assert_str_eq(o.run_re, "^TestA$");
        ck_assert_int_eq(o.run_id, -1);
        cli_opts_fini(&o);
    }
    {
        PARSE("replay t.db --run-id 4 --finding 2", true);
        ck_assert_int_eq(st, WF_OK);
        ck_assert_int_eq(o.run_id, 4);
        ck_assert_int_eq(o.finding_k, 2);
        cli_opts_fini(&o);
    }
    {
        PARSE("view t.db --run 3", true); /* the older spelling */
        ck_assert_int_eq(st, WF_OK);
        ck_assert_int_eq(o.run_id, 3);
        ck_assert_ptr_null(o.run_re);
        cli_opts_fini(&o);
    }
    {
        PARSE("replay t.db --run TestA", true);
        ck_assert_int_eq(st, WF_ERR_INPUT);
        ck_assert_ptr_nonnull(strstr(d.msg, "is a run id (--run-id ID"));
        cli_opts_fini(&o);
    }
}
END_TEST

START_TEST(help_and_version_forms)
{
    {
        PARSE("help explore", true);
        ck_assert_int_eq(st, WF_OK);
        ck_assert(o.help);
        ck_assert_int_eq(o.help_cmd, CMD_EXPLORE);
        cli_opts_fini(&o);
    }
    {
        PARSE("explore --help", true); /* no FILE needed */
        ck_assert_int_eq(st, WF_OK);
        ck_assert(o.help);
        ck_assert_int_eq(o.cmd, CMD_EXPLORE);
        cli_opts_fini(&o);
    }
    {
        PARSE("--version", true);
        ck_assert_int_eq(st, WF_OK);
        ck_assert(o.version);
        cli_opts_fini(&o);
    }
    {
        PARSE("help frobnicate", true);
        ck_assert_int_eq(st, WF_ERR_INPUT);
        cli_opts_fini(&o);
    }
    {
        PARSE("--seed 3 run x.go", true);
        ck_assert_int_eq(st, WF_ERR_INPUT);
        ck_assert_ptr_nonnull(strstr(d.msg, "before the command"));
        cli_opts_fini(&o);
    }
}
END_TEST

START_TEST(test_options_win_over_a_files_flags)
{
    char *flags[] = {"--preemptions", "2", "--max-executions", "50"};
    cli_opts file;
    wf_diag fd;
    PARSE("test dir --preemptions=5 -v --strict", true);
    ck_assert_int_eq(st, WF_OK);
    ck_assert_int_eq(
        cli_parse_file_flags(CMD_EXPLORE, "f.go", flags, 4, &o, &file, &fd),
        WF_OK);
    ck_assert_int_eq(file.preemptions, 5);     /* the command line wins */
    ck_assert_int_eq(file.max_executions, 50); /* the file's own stays */
    ck_assert(file.strict);
    ck_assert(!file.verbose); /* test's own options stay with test */
    cli_opts_fini(&file);
    {
        char *bad[] = {"--schedule", "x"};
        ck_assert_int_eq(
            cli_parse_file_flags(CMD_EXPLORE, "f.go", bad, 2, &o, &file, &fd),
            WF_ERR_INPUT);
        ck_assert_ptr_nonnull(strstr(fd.msg, "--schedule belongs to"));
        cli_opts_fini(&file);
    }
    cli_opts_fini(&o);
}
END_TEST

/* cli_help(cmd) as a string. */
static char *help_text(cli_cmd cmd, bool c_program)
{
    char *text = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&text, &n);
    cli_help(f, c_program ? "./prog" : "weft", cmd, c_program);
    fclose(f);
    return text;
}

/* Every "--name" the help of cmd lists parses for cmd (with a value when
 * the help shows one); returns how many were tried. */
static int parse_every_listed_option(cli_cmd cmd, const char *name,
                                     const char *text)
{
    int tried = 0;
    for (const char *p = strstr(text, "\n  "); p; p = strstr(p + 1, "\n  ")) {
        char opt[64], val[64], line[256];
        const char *dd = strstr(p, "--");
        const char *eol = strchr(p + 1, '\n');
        if (!dd || (eol && dd > eol) || dd - p > 8) continue;
        if (sscanf(dd, "%63s %63s", opt, val) < 1) continue;
        if (val[0] == '|' || !strcmp(opt, "--help") ||
            !strcmp(opt, "--version"))
            continue;
        /* a value follows its option after one space; the text after
         * more */
        if (dd[strlen(opt)] != ' ' || dd[strlen(opt) + 1] == ' ')
            val[0] = '\0';
        else if (strchr(val, '|'))
            *strchr(val, '|') = '\0';
        else if (!strcmp(val, "WxH"))
            strcpy(val, "80x24");
        else if (!strcmp(val, "I/N"))
            strcpy(val, cmd == CMD_TEST ? "1/2" : "1/2 --db x.db");
        else if (!strcmp(opt, "--max-memory"))
            strcpy(val, "64M"); /* a bare 1 is refused: 1 byte */
        else if (!strcmp(val, "K") && !strcmp(opt, "--strategy"))
            strcpy(val, cmd == CMD_RUN ? "random" : "dpor");
        else if (strcmp(opt, "--schedule") && strcmp(opt, "--db") &&
                 strcmp(opt, "--go") && strcmp(opt, "--keys") &&
                 strcmp(opt, "--run"))
            strcpy(val, "1");
        else if (!strcmp(opt, "--run") && cmd != CMD_REPLAY &&
                 cmd != CMD_VIEW && cmd != CMD_REPORT)
            strcpy(val, "Test");
        else if (!strcmp(opt, "--run"))
            strcpy(val, "1");
        snprintf(line, sizeof line, "%s %s %s %s%s", name,
                 cmd == CMD_TEST    ? "dir"
                 : cmd == CMD_MERGE ? "o.db s.db"
                                    : "f",
                 opt, val, cmd == CMD_REPORT ? " --html x.html" : "");
        {
            PARSE(line, true);
            ck_assert_msg(st == WF_OK, "'weft %s': %s", line, d.msg);
            cli_opts_fini(&o);
        }
        tried++;
    }
    return tried;
}

START_TEST(help_lists_what_parses_and_no_spec_sections)
{
    static const struct {
        cli_cmd cmd;
        const char *name;
        const char *must[4];
    } cmds[] = {
        {CMD_RUN, "run", {"--db", "--go", "--seed", "--schedule"}},
        {CMD_EXPLORE, "explore", {"--db", "--record", "--go", "--run"}},
        {CMD_OUTCOMES, "outcomes", {"--db", "--record", "--go", NULL}},
        {CMD_REPLAY, "replay", {"--run-id", "--finding", "--db", NULL}},
        {CMD_TEST, "test", {"--json", "--junit", "--sarif", "--html"}},
        {CMD_LIST, "list", {"--json", NULL, NULL, NULL}},
        {CMD_VIEW, "view", {"--run-id", "--finding", NULL, NULL}},
        {CMD_REPORT, "report", {"--html", "--run-id", "--finding", NULL}},
        {CMD_MERGE, "merge", {"--json", "--go", NULL, NULL}},
        {CMD_EXPLORE, "explore", {"--jobs", "--shard", NULL, NULL}}};
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        char *text = help_text(cmds[i].cmd, false);
        ck_assert_ptr_null(strstr(text, "SPEC"));
        ck_assert_ptr_nonnull(strstr(text, "--help"));
        ck_assert_ptr_nonnull(strstr(text, "--version"));
        for (int k = 0; k < 4 && cmds[i].must[k]; k++)
            ck_assert_msg(strstr(text, cmds[i].must[k]), "%s --help lacks %s",
                          cmds[i].name, cmds[i].must[k]);
        ck_assert_int_gt(
            parse_every_listed_option(cmds[i].cmd, cmds[i].name, text), 0);
        for (const char *l = text; *l;) {
            size_t n = strcspn(l, "\n");
            ck_assert_msg(n <= 79, "%s --help: a line of %zu columns",
                          cmds[i].name, n);
            l += n + (l[n] == '\n');
        }
        free(text);
    }
    {
        char *text = help_text(CMD_NONE, false);
        ck_assert_ptr_nonnull(strstr(text, "  test "));
        ck_assert_ptr_nonnull(strstr(text, "weft help COMMAND"));
        free(text);
        text = help_text(CMD_EXPLORE, true);
        ck_assert_ptr_null(strstr(text, "--go "));
        ck_assert_ptr_nonnull(strstr(text, "[-- ARGS...]"));
        free(text);
    }
}
END_TEST

Suite *cli_suite(void)
{
    Suite *s = suite_create("cli");
    TCase *tc = tcase_create("parse");
    tcase_add_test(tc, long_options_take_equals_or_the_next_word);
    tcase_add_test(tc, names_are_never_abbreviated);
    tcase_add_test(tc, a_flag_given_a_value_is_refused);
    tcase_add_test(tc, double_dash_ends_the_options);
    tcase_add_test(tc, a_c_program_gets_its_arguments_after_double_dash);
    tcase_add_test(tc, an_option_of_another_command_says_whose_it_is);
    tcase_add_test(tc, bad_values_name_the_option_and_the_value);
    tcase_add_test(tc, run_is_a_pattern_for_tests_and_an_id_for_databases);
    tcase_add_test(tc, help_and_version_forms);
    tcase_add_test(tc, test_options_win_over_a_files_flags);
    suite_add_tcase(s, tc);
    tc = tcase_create("help");
    tcase_add_test(tc, help_lists_what_parses_and_no_spec_sections);
    suite_add_tcase(s, tc);
    return s;
}
