/* ast.h: the syntax tree of a Go scenario file, as the parser builds it and
 * the compiler reads it.
 * Owns: an ast_file owns one arena holding every node, list, name and
 * decoded literal of the file; ast_file_free() releases all of it at once.
 * Nodes are never freed one by one.
 * Invariants: 1. Every node has a 1-based line and byte column. Statements,
 *   declarations, specs and most expressions sit at their first token; as
 *   in gc, a binary expression sits at its operator, a call at its "(", an
 *   index or slice at its "[", a selector or type assertion at its ".", a
 *   key-value pair at its ":" and a composite literal at its "{".
 *   2. Lists are arrays with a count (ast_list), never linked; an absent
 *   list has n == 0.
 *   3. Optional children are NULL when absent (documented per field); all
 *   other child pointers are non-NULL, and AST_BAD / AST_BAD_STMT never
 *   occur, in a tree that parse_file returned. Its depth is below
 *   3 * PARSE_MAX_DEPTH, so consumers may recurse over it.
 *   4. Node kinds for expressions, types, statements and declarations are
 *   disjoint ranges of ast_kind (ast_is_expr/ast_is_stmt).
 *   5. The tree is a tree except for implicit const specs, which share the
 *   previous spec's type and value nodes (Go's implicit repetition); a
 *   consumer that evaluates them with the spec's own iota sees Go's
 *   semantics. Nothing in the tree is mutated after parsing. */
#ifndef WF_LANG_AST_H
#define WF_LANG_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim/lang/lex.h"
#include "sim/util.h"

/* X(name, printer head). */
#define AST_KINDS(X)                                                           \
    X(AST_BAD, "!bad")                                                         \
    /* expressions */                                                          \
    X(AST_IDENT, "ident")                                                      \
    X(AST_INT_LIT, "int")                                                      \
    X(AST_FLOAT_LIT, "float")                                                  \
    X(AST_RUNE_LIT, "rune")                                                    \
    X(AST_STRING_LIT, "string")                                                \
    X(AST_COMPOSITE_LIT, "lit")                                                \
    X(AST_FUNC_LIT, "funclit")                                                 \
    X(AST_PAREN, "paren")                                                      \
    X(AST_SELECTOR, "sel")                                                     \
    X(AST_INDEX, "index")                                                      \
    X(AST_SLICE, "slice")                                                      \
    X(AST_TYPE_ASSERT, "assert")                                               \
    X(AST_CALL, "call")                                                        \
    X(AST_STAR, "star")                                                        \
    X(AST_UNARY, "unary")                                                      \
    X(AST_BINARY, "binary")                                                    \
    X(AST_KEY_VALUE, "kv")                                                     \
    X(AST_ELLIPSIS, "...")                                                     \
    /* type expressions */                                                     \
    X(AST_ARRAY_TYPE, "array")                                                 \
    X(AST_SLICE_TYPE, "slicetype")                                             \
    X(AST_MAP_TYPE, "map")                                                     \
    X(AST_CHAN_TYPE, "chan")                                                   \
    X(AST_FUNC_TYPE, "functype")                                               \
    X(AST_STRUCT_TYPE, "struct")                                               \
    X(AST_INTERFACE_TYPE, "interface")                                         \
    X(AST_FIELD, "field")                                                      \
    /* statements */                                                           \
    X(AST_BAD_STMT, "!badstmt")                                                \
    X(AST_DECL_STMT, "declstmt")                                               \
    X(AST_EMPTY_STMT, "empty")                                                 \
    X(AST_LABELED_STMT, "label")                                               \
    X(AST_EXPR_STMT, "expr")                                                   \
    X(AST_SEND_STMT, "send")                                                   \
    X(AST_INCDEC_STMT, "incdec")                                               \
    X(AST_ASSIGN_STMT, "assign")                                               \
    X(AST_GO_STMT, "go")                                                       \
    X(AST_DEFER_STMT, "defer")                                                 \
    X(AST_RETURN_STMT, "return")                                               \
    X(AST_BRANCH_STMT, "branch")                                               \
    X(AST_BLOCK_STMT, "block")                                                 \
    X(AST_IF_STMT, "if")                                                       \
    X(AST_CASE_CLAUSE, "case")                                                 \
    X(AST_SWITCH_STMT, "switch")                                               \
    X(AST_TYPE_SWITCH_STMT, "typeswitch")                                      \
    X(AST_COMM_CLAUSE, "comm")                                                 \
    X(AST_SELECT_STMT, "select")                                               \
    X(AST_FOR_STMT, "for")                                                     \
    X(AST_RANGE_STMT, "range")                                                 \
    /* declarations */                                                         \
    X(AST_IMPORT_SPEC, "importspec")                                           \
    X(AST_VALUE_SPEC, "valuespec")                                             \
    X(AST_TYPE_SPEC, "typespec")                                               \
    X(AST_GEN_DECL, "gendecl")                                                 \
    X(AST_FUNC_DECL, "func")

typedef enum ast_kind {
#define AST_ENUM_(name, str) name,
    AST_KINDS(AST_ENUM_)
#undef AST_ENUM_
        AST_KIND_COUNT
} ast_kind;

typedef struct ast_node ast_node;

/* An arena array of node pointers. */
typedef struct ast_list {
    ast_node **v;
    size_t n;
} ast_list;

typedef enum ast_chan_dir {
    AST_CHAN_BOTH, /* chan T   */
    AST_CHAN_SEND, /* chan<- T */
    AST_CHAN_RECV, /* <-chan T */
} ast_chan_dir;

struct ast_node {
    ast_kind kind;
    int line, col;
    int file; /* the id of its ast_file (ast_file.id); 0 for nodes made
                 outside the parser */
    union {
        /* AST_IDENT. name is NUL-terminated; "_" is the blank identifier.
         * Names are interned per file: equal names are the same pointer. */
        struct {
            const char *name;
        } ident;
        /* AST_INT_LIT: the literal's value; when overflow is set the
         * literal does not fit in 64 bits and only text is meaningful. */
        struct {
            uint64_t value;
            bool overflow;
            const char *text; /* the source spelling */
        } int_lit;
        /* AST_FLOAT_LIT: nearest double (strtod rounding); overflow when
         * the literal exceeds the float64 range (value is then +inf). */
        struct {
            double value;
            bool overflow;
            const char *text;
        } float_lit;
        /* AST_RUNE_LIT: the code point ('\xff' and '\377' give 255). */
        struct {
            int32_t value;
            const char *text;
        } rune_lit;
        /* AST_STRING_LIT: decoded bytes (may hold NULs, any bytes); a NUL
         * follows bytes[len] for convenience. */
        struct {
            const unsigned char *bytes;
            size_t len;
        } string_lit;
        /* AST_COMPOSITE_LIT: type is NULL when elided inside another
         * literal ({1, 2} in [][]int{{1, 2}}); elts are expressions,
         * AST_KEY_VALUE nodes, or nested literals. */
        struct {
            ast_node *type;
            ast_list elts;
            int rbrace_line, rbrace_col;
        } composite;
        /* AST_FUNC_LIT */
        struct {
            ast_node *type; /* AST_FUNC_TYPE */
            ast_node *body; /* AST_BLOCK_STMT */
        } func_lit;
        /* AST_PAREN: kept so the compiler can tell (T).m from T.m and
         * report gc's errors; it may ignore it otherwise. */
        struct {
            ast_node *x;
        } paren;
        /* AST_SELECTOR: x.sel; also a qualified identifier pkg.Name and a
         * method expression T.m or (*T).m: the resolver decides. */
        struct {
            ast_node *x;
            ast_node *sel; /* AST_IDENT */
        } selector;
        /* AST_INDEX: x[index], or an instantiation x[index, more...]
         * with several type arguments (more: the second and later). */
        struct {
            ast_node *x, *index;
            ast_list more;
        } index;
        /* AST_SLICE: x[lo:hi] or x[lo:hi:max] (three); lo, hi may be
         * NULL; in a three-index slice hi and max are non-NULL. */
        struct {
            ast_node *x, *lo, *hi, *max;
            bool three;
        } slice;
        /* AST_TYPE_ASSERT: x.(type_); type_ is NULL for x.(type), which
         * appears only as the guard of an AST_TYPE_SWITCH_STMT. */
        struct {
            ast_node *x, *type;
        } type_assert;
        /* AST_CALL: fn(args); also conversions T(x) and []byte(s), whose
         * fn is a type expression: the resolver decides. spread is set for
         * f(xs...). */
        struct {
            ast_node *fn;
            ast_list args;
            bool spread;
        } call;
        /* AST_STAR: *x, a dereference or a pointer type. */
        struct {
            ast_node *x;
        } star;
        /* AST_UNARY: op is TK_ADD, TK_SUB, TK_NOT, TK_XOR, TK_AND (address
         * of) or TK_ARROW (receive); TK_TILDE (~T) in a constraint. A
         * constraint's union T1 | T2 is an AST_BINARY with TK_OR. */
        struct {
            lex_kind op;
            ast_node *x;
        } unary;
        /* AST_BINARY: op is a token with lex_precedence(op) > 0. */
        struct {
            lex_kind op;
            ast_node *x, *y;
        } binary;
        /* AST_KEY_VALUE: key: value in a composite literal. */
        struct {
            ast_node *key, *value;
        } kv;
        /* AST_ELLIPSIS: ...elt as the type of a variadic last parameter;
         * elt is NULL for the length of [...]T. */
        struct {
            ast_node *elt;
        } ellipsis;
        /* AST_ARRAY_TYPE: [len]elem; len is an expression or an
         * AST_ELLIPSIS with NULL elt for [...]T. */
        struct {
            ast_node *len, *elem;
        } array;
        /* AST_SLICE_TYPE: []elem. */
        struct {
            ast_node *elem;
        } slice_type;
        /* AST_MAP_TYPE */
        struct {
            ast_node *key, *value;
        } map;
        /* AST_CHAN_TYPE */
        struct {
            ast_chan_dir dir;
            ast_node *elem;
        } chan;
        /* AST_FUNC_TYPE: params and results are AST_FIELD lists. Either all
         * fields have names or none has (Go's rule); a variadic last
         * parameter has an AST_ELLIPSIS type. tparams: a generic
         * function's type parameters (AST_FIELD: names and constraint),
         * empty otherwise. */
        struct {
            ast_list params, results, tparams;
        } func_type;
        /* AST_STRUCT_TYPE: AST_FIELD list; an embedded field has no names
         * and a type that is a (qualified) name or a pointer to one. */
        struct {
            ast_list fields;
        } struct_type;
        /* AST_INTERFACE_TYPE: AST_FIELD list; a method has one name and an
         * AST_FUNC_TYPE, an embedded interface has no names. */
        struct {
            ast_list methods;
        } interface_type;
        /* AST_FIELD: names (AST_IDENT, may be empty) share one type; tag
         * is an AST_STRING_LIT or NULL (struct fields only). */
        struct {
            ast_list names;
            ast_node *type;
            ast_node *tag;
        } field;

        /* AST_DECL_STMT: decl is an AST_GEN_DECL (const, var, type). */
        struct {
            ast_node *decl;
        } decl_stmt;
        /* AST_LABELED_STMT */
        struct {
            ast_node *label; /* AST_IDENT */
            ast_node *stmt;  /* AST_EMPTY_STMT for a label before } */
        } labeled;
        /* AST_EXPR_STMT */
        struct {
            ast_node *x;
        } expr_stmt;
        /* AST_SEND_STMT: ch <- value. */
        struct {
            ast_node *ch, *value;
        } send;
        /* AST_INCDEC_STMT: op is TK_INC or TK_DEC. */
        struct {
            lex_kind op;
            ast_node *x;
        } incdec;
        /* AST_ASSIGN_STMT: op is TK_ASSIGN, TK_DEFINE or an op= token
         * (lex_assign_op gives the operator); op= has one lhs and rhs. */
        struct {
            lex_kind op;
            ast_list lhs, rhs;
            int op_line, op_col; /* the operator, where gc reports */
        } assign;
        /* AST_GO_STMT, AST_DEFER_STMT: call is an AST_CALL (the parser
         * rejects anything else, as gc does). */
        struct {
            ast_node *call;
        } go_defer;
        /* AST_RETURN_STMT */
        struct {
            ast_list results;
        } ret;
        /* AST_BRANCH_STMT: tok is TK_BREAK, TK_CONTINUE, TK_GOTO or
         * TK_FALLTHROUGH; label is NULL when absent (goto has one). */
        struct {
            lex_kind tok;
            ast_node *label;
        } branch;
        /* AST_BLOCK_STMT */
        struct {
            ast_list stmts;
            int rbrace_line, rbrace_col;
        } block;
        /* AST_IF_STMT: init and els may be NULL; els is an AST_IF_STMT or
         * an AST_BLOCK_STMT. */
        struct {
            ast_node *init, *cond, *then, *els;
        } if_;
        /* AST_CASE_CLAUSE (in switch and type switch): list is empty for
         * default; in a type switch its elements are types (or nil). */
        struct {
            ast_list list;
            bool is_default;
            ast_list body;
        } case_;
        /* AST_SWITCH_STMT: init and tag may be NULL; clauses are
         * AST_CASE_CLAUSE. */
        struct {
            ast_node *init, *tag;
            ast_list clauses;
            int rbrace_line, rbrace_col;
        } switch_;
        /* AST_TYPE_SWITCH_STMT: switch init; bind := x.(type) {...}; init
         * and bind (AST_IDENT) may be NULL. */
        struct {
            ast_node *init, *bind, *x;
            ast_list clauses;
            int rbrace_line, rbrace_col;
        } type_switch;
        /* AST_COMM_CLAUSE: comm is an AST_SEND_STMT, an AST_EXPR_STMT
         * holding a receive, or an AST_ASSIGN_STMT (= or :=) whose single
         * rhs is a receive; NULL for default. */
        struct {
            ast_node *comm;
            ast_list body;
        } comm;
        /* AST_SELECT_STMT: clauses are AST_COMM_CLAUSE. */
        struct {
            ast_list clauses;
            int rbrace_line, rbrace_col;
        } select;
        /* AST_FOR_STMT: init, cond and post may be NULL. */
        struct {
            ast_node *init, *cond, *post, *body;
        } for_;
        /* AST_RANGE_STMT: for key, value := range x. key and value may be
         * NULL; tok is TK_DEFINE, TK_ASSIGN, or TK_EOF when there are no
         * variables (for range x). Ranging over an integer is the same
         * node: the compiler looks at x. */
        struct {
            ast_node *key, *value;
            lex_kind tok;
            ast_node *x, *body;
            bool over_func; /* x is an iterator function (the checker's
                               finding; res_rangefunc has run) */
        } range;

        /* AST_IMPORT_SPEC: name is NULL, an AST_IDENT, "." or "_"; path is
         * the AST_STRING_LIT. */
        struct {
            ast_node *name, *path;
        } import;
        /* AST_VALUE_SPEC (const and var): type and values may be absent.
         * For const, iota is the spec's index in its group and implicit
         * marks a spec without "= values" that repeats the previous
         * spec's type and values (shared nodes). */
        struct {
            ast_list names;
            ast_node *type;
            ast_list values;
            int iota;
            bool implicit;
        } value_spec;
        /* AST_TYPE_SPEC: type Name T, or an alias type Name = T; tparams:
         * a generic type's type parameters (AST_FIELD list), or empty. */
        struct {
            ast_node *name, *type;
            bool alias;
            ast_list tparams;
        } type_spec;
        /* AST_GEN_DECL: tok is TK_IMPORT, TK_CONST, TK_VAR or TK_TYPE;
         * grouped for the parenthesized form. */
        struct {
            lex_kind tok;
            ast_list specs;
            bool grouped;
        } gen_decl;
        /* AST_FUNC_DECL: recv is an AST_FIELD (at most one name) or NULL
         * for a function; body is always present. */
        struct {
            ast_node *recv, *name, *type, *body;
            bool nointerface; /* //go:nointerface: satisfies no interface */
        } func_decl;
    } u;
};

/* A parsed file. */
typedef struct ast_file {
    arena mem;            /* owns everything below */
    const char *path;     /* as given to the parser */
    int id;               /* as given to the parser: a program's files
                             are numbered 1, 2, ... so a node's
                             (file, line, col) is unique in a program */
    ast_node *pkg;        /* the package name, an AST_IDENT */
    ast_list imports;     /* every AST_IMPORT_SPEC, in source order */
    ast_list decls;       /* AST_GEN_DECL and AST_FUNC_DECL, in order */
    lex_comment *leading; /* comments before the package clause */
    size_t nleading;
    int eof_line, eof_col; /* position of the end of the file */
    const lex_linedir *linedirs; /* its line directives, in order */
    size_t nlinedirs;
    ast_list linknames; /* each //go:linkname's local name, an AST_IDENT
                           at the directive */
    const lex_comment *comments; /* a test file's comments, in order
                                    (grouped: lex_comment.group) */
    size_t ncomments;
} ast_file;

/* Allocate an empty file owning a fresh arena; the path is copied. */
ast_file *ast_file_new(const char *path);
/* Release f and everything in its arena. NULL is allowed. */
void ast_file_free(ast_file *f);

/* A zeroed node of the given kind at (line, col), in mem. */
ast_node *ast_new(arena *mem, ast_kind kind, int line, int col);

const char *ast_kind_str(ast_kind k);
static inline bool ast_is_expr(ast_kind k)
{
    return k >= AST_IDENT && k <= AST_FIELD;
}
static inline bool ast_is_stmt(ast_kind k)
{
    return k >= AST_BAD_STMT && k <= AST_RANGE_STMT;
}

/* The printer: a deterministic S-expression, used by tests and debugging.
 * Identifiers print bare, integer literals as their decimal value, strings
 * quoted with Go escapes, absent optional children as "-". With
 * AST_PRINT_POS every node's head carries "@line:col". Output is appended
 * to out. O(size of the tree); recursion depth is the tree's depth, which
 * the parser bounds. */
enum { AST_PRINT_POS = 1 };
void ast_print(buf *out, const ast_node *n, int flags);
/* "package NAME" then one line per declaration. */
void ast_print_file(buf *out, const ast_file *f, int flags);

#endif
