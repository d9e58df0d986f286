/* parse.h: the parser of weft's Go front end: one source file to an
 * ast_file, by recursive descent over the Go spec's grammar (the subset of
 * SPEC section 6), with gc's error positions and wording.
 * Owns: the ast_file it returns (its arena holds the whole tree); the
 * source bytes are only borrowed for the call.
 * Invariants: 1. Never crashes, hangs or reads out of bounds on any input;
 *   time and memory are O(input size).
 *   2. Nesting deeper than PARSE_MAX_DEPTH (expressions, types, statements,
 *   literals, and chains such as a+b+c, a.b.c or else-if, which deepen the
 *   tree as much) is a clean error, so the C stack stays bounded here and
 *   in whatever recurses over the tree: its depth is below
 *   3 * PARSE_MAX_DEPTH.
 *   3. On error nothing is returned but the first error, as a wf_diag with
 *   file:line:col; lexical errors read as gc's ("newline in string"),
 *   syntax errors as "syntax error: ...", and Go features weft leaves out
 *   (type parameters, imaginary literals, unsafe, cgo) as "unsupported:
 *   ..." at their position. */
#ifndef WF_LANG_PARSE_H
#define WF_LANG_PARSE_H

#include <stddef.h>

#include "sim/lang/ast.h"
#include "sim/util.h"

#define PARSE_MAX_DEPTH 1000

/* Parse src[0, len) (a whole file; path names it in messages). On success
 * *out is a new ast_file the caller frees with ast_file_free(); on failure
 * *out is NULL, d (when not NULL) holds the first error and the result is
 * WF_ERR_INPUT. */
wf_status parse_file(const char *path, const unsigned char *src, size_t len,
                     ast_file **out, wf_diag *d);
/* parse_file for file number id of a program: the file and each of its
 * nodes carry id (ast.h), so positions in several files never collide. */
wf_status parse_file_id(const char *path, int id, const unsigned char *src,
                        size_t len, ast_file **out, wf_diag *d);

#endif
