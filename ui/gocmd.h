/* gocmd.h: the weft commands on Go code (SPEC section 4): `weft
 * run|explore|outcomes|replay FILE.go|DIR [options]` compile the file, or
 * the package in the directory (its main program; a package that is not
 * main runs its tests), with the Go front end (sim/lang/vm.h) and run it
 * through cli_execute; a Go run recorded in a trace database replays
 * through tracecmd_replay_program.
 * Owns: nothing beyond a call. */
#ifndef WF_GOCMD_H
#define WF_GOCMD_H

#include "cli.h"
#include "sim/lang/load.h"

/* Does path name Go code: a scenario file (".go") or a directory (a
 * package)? */
bool gocmd_is_go(const char *path);

/* What a directory holds, as weft test and weft run see it: each kept
 * non-test file with `// expect:` lines is a scenario of its own; the
 * other kept files form packages by package clause (package x_test's
 * test files join x's). go allows one package a directory; weft lets a
 * directory of independent test files be several. */
typedef struct gocmd_group {
    const char *label; /* a lone file's path, else the directory */
    load_files files;  /* kept files, in name order (borrowed) */
    bool scenario;     /* one non-test file with expectations */
    bool tests;        /* holds a _test.go file */
    bool main;         /* its non-test files are package main */
} gocmd_group;
typedef VEC(gocmd_group) gocmd_groups;

/* Split directory ld (read by a loader, which must outlive out) into
 * groups, in name order of their first files. */
void gocmd_group_dir(const load_dir *ld, gocmd_groups *out);
void gocmd_groups_fini(gocmd_groups *g);
/* A file that is plainly no Go source (a trace database, C source, an
 * executable): print what to do with it for command o->cmd instead of a
 * syntax error at 1:1, and return true. */
bool gocmd_not_go_source(const cli_opts *o, const char *file);
/* Run command o->cmd (run, explore, outcomes, replay) on scenario file
 * or package directory o->file. Returns the exit status; compile errors
 * print "weft: FILE:L:C: error: ..." and give 2. */
int gocmd_exec(const cli_opts *o);
/* Replay run run_id of database db, recorded from scenario file `file`
 * with schedule sched (weft replay DB --run ID): the source the run kept
 * (src[0, len), borrowed; NULL: none) unless o->use_file, else the file on
 * disk, saying so when its SHA-256 differs from the recorded sha. */
int gocmd_replay_db(const cli_opts *o, const char *file, const char *db,
                    int64_t run_id, const char *sched, const char *src,
                    size_t len, const char *sha);

#endif
