/* load.h: Go code as the go command finds it. A directory is a package:
 * its .go files that the build constraints keep (`//go:build` lines, the
 * older `// +build` lines, _GOOS/_GOARCH name suffixes); go.mod gives the
 * module path under which the module's packages import each other;
 * vendor/, listed by vendor/modules.txt, supplies third-party packages;
 * patterns such as "./..." and "./pkg/..." walk a module as go list walks
 * it (vendor/, testdata/ and directories starting with "." or "_"
 * skipped, nested modules left out).
 *
 * Constraints are judged as go judges them on this host: GOOS linux, the
 * host's GOARCH, "unix", the compiler "gc", and release tags go1.1 to
 * go1.LOAD_GO_MINOR (weft's Go); cgo, race and every other tag are false.
 *
 * Owns: the loader, every directory it read (each file's text included)
 * and every module it found, on the heap until load_free; callers borrow
 * them. No globals; file-system reads only (nothing is written).
 * Paths: directories are kept as the caller spelled them, cleaned
 * ("./pkg/" is "pkg"); a file's path is its directory joined with its name
 * ("pkg/a.go"), as messages show it.
 * Invariants: 1. a directory is read once: load_read_dir returns the same
 *   load_dir for every spelling of it.  2. files are in name order (C
 *   locale), as go lists them. */
#ifndef WF_LANG_LOAD_H
#define WF_LANG_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "sim/util.h"

/* The newest Go release whose release tag (go1.N) a constraint sees. */
#define LOAD_GO_MINOR 22

typedef VEC(char *) load_strs;

typedef struct load_module {
    char *root;         /* the directory holding go.mod */
    char *path;         /* its module path ("example.com/m"); "" if none */
    char *go;           /* its go directive ("1.21"); "" if none */
    bool vendor;        /* vendor/modules.txt exists: third-party imports come
                           from vendor/ */
    load_strs vendored; /* the packages vendor/modules.txt lists */
    /* go.mod's require lines (module paths and versions, in order) and
     * replace lines (old module path; new: a directory, or "path@version") */
    load_strs req_paths, req_vers;
    load_strs repl_from, repl_to;
} load_module;

typedef struct load_file {
    char *path;          /* directory joined with name */
    char *name;          /* "a.go" */
    char *pkg;           /* its package clause's name; "" when unreadable */
    unsigned char *text; /* the whole file (NUL-terminated), len bytes */
    size_t len;
    bool test;     /* the name ends in _test.go */
    bool xtest;    /* a test file of package <pkg without _test>_test */
    bool excluded; /* a build constraint leaves it out on this host */
} load_file;

typedef VEC(load_file *) load_files;

typedef struct load_dir {
    char *dir;         /* cleaned, as first spelled */
    load_module *mod;  /* NULL: no go.mod above it */
    char *import_path; /* in mod; "" outside a module */
    load_files files;  /* every .go file (not _* or .*), by name */
} load_dir;

typedef struct loader loader;

loader *load_new(void);
void load_free(loader *l);

/* The module whose go.mod is nearest above directory dir (dir itself
 * included), or NULL. Bad go.mod or vendor/modules.txt lines are ignored
 * as go would reject them later. Cached per directory. */
load_module *load_module_of(loader *l, const char *dir);

/* Read directory dir: its .go files with their package names and
 * whether the constraints keep them. WF_ERR_INPUT with d set when dir
 * cannot be read or a //go:build line is malformed (at its file:line). */
wf_status load_read_dir(loader *l, const char *dir, load_dir **out, wf_diag *d);

/* The kept, non-test files of dir's package, in out[0, n) (borrowed),
 * checking that they are one package, as go does. WF_ERR_INPUT with d
 * set ("found packages a (a.go) and b (b.go) in DIR", "no Go files in
 * DIR", "build constraints exclude all Go files in DIR"). */
wf_status load_package_files(const load_dir *ld, load_files *out, wf_diag *d);

/* The directory holding import path in module m: a package of m itself
 * (m->path or below it), or, when m vendors, a package vendor/modules.txt
 * lists. NULL when neither, with why (a sentence, no file position) in
 * why[0, n). The string lives as long as l. */
const char *load_import_dir(loader *l, const load_module *m, const char *path,
                            char *why, size_t n);

/* The package directories a command-line pattern names, appended to out
 * (heap strings, the caller frees them), in walk order (sorted):
 * "DIR/..." (and "..." alone) every directory under DIR holding a .go
 * file, as go list walks; any other pattern the directory itself.
 * WF_ERR_INPUT with d set if the pattern's directory does not exist. */
wf_status load_expand(loader *l, const char *pattern, load_strs *out,
                      wf_diag *d);

/* ---- exposed for tests ---------------------------------------------- */

/* Does file name keep the file on this host (_GOOS, _GOARCH,
 * _GOOS_GOARCH before .go or _test.go)? */
bool load_name_ok(const char *name);
/* Evaluate a //go:build expression ("linux && !cgo"): WF_OK with *ok, or
 * WF_ERR_INPUT with why set ("unexpected token ..."). */
wf_status load_build_expr(const char *expr, bool *ok, char *why, size_t n);
/* Judge src's header (the comments before the package clause) as go
 * does: its //go:build line, else its // +build lines. WF_ERR_INPUT with
 * d set (file path, line) for a malformed //go:build line. */
wf_status load_header_ok(const char *path, const unsigned char *src, size_t len,
                         bool *ok, wf_diag *d);
/* Clean a slash-separated path as Go's path.Clean does ("./a/../b/" is
 * "b", "" is "."), into a new heap string. */
char *load_clean(const char *path);

#endif
