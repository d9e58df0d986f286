/* viewjson.h: a small JSON reader for the viewer, which reads the
 * findings' detail_json (SPEC section 4's finding object: tasks, objects,
 * coffman, detail) back from the trace database.
 * Owns: the parsed tree (nodes and decoded strings) until viewjson_fini.
 * Node 0 is the root. Members and elements are linked by index (child,
 * next), in document order, so lookups are linear in the object's size.
 * Invariants: 1. after a failed parse the tree is empty (viewjson_type of
 *   any node is VJ_NONE).  2. Strings are NUL-terminated UTF-8 (\u escapes
 *   decoded, a lone surrogate becomes U+FFFD).  3. Nesting deeper than
 *   VIEWJSON_DEPTH is a parse error, so parsing never recurses further. */
#ifndef WF_VIEWJSON_H
#define WF_VIEWJSON_H

#include "sim/util.h"

#define VIEWJSON_DEPTH 64

typedef enum viewjson_type {
    VJ_NONE, /* no such node (-1, or a failed parse) */
    VJ_NULL,
    VJ_BOOL,
    VJ_NUM,
    VJ_STR,
    VJ_ARR,
    VJ_OBJ
} viewjson_type;

typedef struct viewjson_node {
    uint8_t type;    /* viewjson_type */
    bool b;          /* VJ_BOOL */
    int32_t child;   /* first member or element, -1 */
    int32_t next;    /* next sibling, -1 */
    const char *key; /* member name (in an object), else NULL */
    const char *s;   /* VJ_STR: the decoded string */
    double num;      /* VJ_NUM */
} viewjson_node;

typedef struct viewjson {
    VEC(viewjson_node) nodes;
    arena strs; /* keys and strings */
} viewjson;

/* Parse text (NUL-terminated) into j (initialised here). Returns false
 * on malformed JSON or trailing garbage; j is then empty but must still
 * be freed. O(length). */
bool viewjson_parse(viewjson *j, const char *text);
void viewjson_fini(viewjson *j);
viewjson_type viewjson_type_of(const viewjson *j, int32_t node);
/* Member key of object node, or -1. */
int32_t viewjson_get(const viewjson *j, int32_t node, const char *key);
/* First element/member and the one after it, or -1. */
int32_t viewjson_first(const viewjson *j, int32_t node);
int32_t viewjson_next(const viewjson *j, int32_t node);
/* Number of elements of an array or members of an object (O(n)). */
int32_t viewjson_len(const viewjson *j, int32_t node);
/* The string of a VJ_STR node, else NULL. */
const char *viewjson_str(const viewjson *j, int32_t node);
/* The integer value of a VJ_NUM node: false if node is not a number. */
bool viewjson_int(const viewjson *j, int32_t node, int64_t *out);

#endif
