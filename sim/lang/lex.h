/* lex.h: the lexer of weft's Go front end: Go's tokens as the Go spec
 * defines them, with automatic semicolon insertion, positions, decoded
 * literal values, and gc's wording for lexical errors.
 * Owns: nothing but its cursor. It borrows the source bytes (which must
 * outlive it) and decodes string literals into the arena it is given.
 * Invariants: 1. lex_next never reads outside src[0, len) and always makes
 *   progress; after TK_EOF (or an error) it keeps returning TK_EOF.
 *   2. Every token has a 1-based line and a 1-based column counted in bytes,
 *   as gc counts them; a byte-order mark at offset 0 is skipped but counted.
 *   3. A semicolon is inserted exactly where the Go spec says: at a newline,
 *   at a block comment holding a newline, or at EOF, when the line's last
 *   token was an identifier, a literal, one of the keywords break continue
 *   fallthrough return, or one of ++ -- ) ] }.
 *   4. Source must be valid UTF-8 without NUL; anything else is an error at
 *   the offending byte, also inside comments and literals, as in gc. */
#ifndef WF_LANG_LEX_H
#define WF_LANG_LEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim/util.h"

/* X(name, spelling): the spelling is what error messages print. */
#define LEX_TOKENS(X)                                                          \
    X(TK_EOF, "EOF")                                                           \
    X(TK_IDENT, "name")                                                        \
    X(TK_INT, "literal")                                                       \
    X(TK_FLOAT, "literal")                                                     \
    X(TK_RUNE, "literal")                                                      \
    X(TK_STRING, "literal")                                                    \
    /* operators and punctuation */                                            \
    X(TK_ADD, "+")                                                             \
    X(TK_SUB, "-")                                                             \
    X(TK_MUL, "*")                                                             \
    X(TK_QUO, "/")                                                             \
    X(TK_REM, "%")                                                             \
    X(TK_AND, "&")                                                             \
    X(TK_OR, "|")                                                              \
    X(TK_XOR, "^")                                                             \
    X(TK_SHL, "<<")                                                            \
    X(TK_SHR, ">>")                                                            \
    X(TK_AND_NOT, "&^")                                                        \
    X(TK_ADD_ASSIGN, "+=")                                                     \
    X(TK_SUB_ASSIGN, "-=")                                                     \
    X(TK_MUL_ASSIGN, "*=")                                                     \
    X(TK_QUO_ASSIGN, "/=")                                                     \
    X(TK_REM_ASSIGN, "%=")                                                     \
    X(TK_AND_ASSIGN, "&=")                                                     \
    X(TK_OR_ASSIGN, "|=")                                                      \
    X(TK_XOR_ASSIGN, "^=")                                                     \
    X(TK_SHL_ASSIGN, "<<=")                                                    \
    X(TK_SHR_ASSIGN, ">>=")                                                    \
    X(TK_AND_NOT_ASSIGN, "&^=")                                                \
    X(TK_LAND, "&&")                                                           \
    X(TK_LOR, "||")                                                            \
    X(TK_ARROW, "<-")                                                          \
    X(TK_INC, "++")                                                            \
    X(TK_DEC, "--")                                                            \
    X(TK_EQL, "==")                                                            \
    X(TK_LSS, "<")                                                             \
    X(TK_GTR, ">")                                                             \
    X(TK_ASSIGN, "=")                                                          \
    X(TK_NOT, "!")                                                             \
    X(TK_NEQ, "!=")                                                            \
    X(TK_LEQ, "<=")                                                            \
    X(TK_GEQ, ">=")                                                            \
    X(TK_DEFINE, ":=")                                                         \
    X(TK_ELLIPSIS, "...")                                                      \
    X(TK_LPAREN, "(")                                                          \
    X(TK_LBRACK, "[")                                                          \
    X(TK_LBRACE, "{")                                                          \
    X(TK_COMMA, ",")                                                           \
    X(TK_PERIOD, ".")                                                          \
    X(TK_RPAREN, ")")                                                          \
    X(TK_RBRACK, "]")                                                          \
    X(TK_RBRACE, "}")                                                          \
    X(TK_SEMICOLON, ";")                                                       \
    X(TK_COLON, ":")                                                           \
    X(TK_TILDE, "~")                                                           \
    /* keywords, in the Go spec's order */                                     \
    X(TK_BREAK, "break")                                                       \
    X(TK_CASE, "case")                                                         \
    X(TK_CHAN, "chan")                                                         \
    X(TK_CONST, "const")                                                       \
    X(TK_CONTINUE, "continue")                                                 \
    X(TK_DEFAULT, "default")                                                   \
    X(TK_DEFER, "defer")                                                       \
    X(TK_ELSE, "else")                                                         \
    X(TK_FALLTHROUGH, "fallthrough")                                           \
    X(TK_FOR, "for")                                                           \
    X(TK_FUNC, "func")                                                         \
    X(TK_GO, "go")                                                             \
    X(TK_GOTO, "goto")                                                         \
    X(TK_IF, "if")                                                             \
    X(TK_IMPORT, "import")                                                     \
    X(TK_INTERFACE, "interface")                                               \
    X(TK_MAP, "map")                                                           \
    X(TK_PACKAGE, "package")                                                   \
    X(TK_RANGE, "range")                                                       \
    X(TK_RETURN, "return")                                                     \
    X(TK_SELECT, "select")                                                     \
    X(TK_STRUCT, "struct")                                                     \
    X(TK_SWITCH, "switch")                                                     \
    X(TK_TYPE, "type")                                                         \
    X(TK_VAR, "var")

typedef enum lex_kind {
#define LEX_ENUM_(name, str) name,
    LEX_TOKENS(LEX_ENUM_)
#undef LEX_ENUM_
        TK_COUNT
} lex_kind;

#define TK_FIRST_KEYWORD TK_BREAK
#define TK_LAST_KEYWORD  TK_VAR

/* How a TK_SEMICOLON came to be; gc's messages name it ("unexpected
 * newline"). */
typedef enum lex_semi {
    LEX_SEMI_EXPLICIT, /* a ';' in the source */
    LEX_SEMI_NEWLINE,  /* inserted at a newline or a multi-line comment */
    LEX_SEMI_EOF,      /* inserted at the end of the file */
} lex_semi;

typedef struct lex_token {
    lex_kind kind;
    int line, col;   /* 1-based; col counts bytes */
    size_t off, len; /* the token's spelling in the source (0 for an
                        inserted semicolon) */
    lex_semi semi;   /* TK_SEMICOLON only */
    bool overflow;   /* TK_INT: the value exceeds 64 bits (value is then
                        meaningless); TK_FLOAT: the value is infinite */
    union {
        uint64_t i; /* TK_INT */
        double f;   /* TK_FLOAT */
        int32_t r;  /* TK_RUNE: the code point, or a byte for \x and octal */
        struct {
            unsigned char *p; /* decoded bytes in the arena, NUL-terminated
                                 for convenience; may hold NULs */
            size_t n;
        } s; /* TK_STRING */
    } val;
} lex_token;

/* A line directive, as gc reads one: "//line file:line[:col]" at the start
 * of a line, or a one-line "/\*line file:line[:col]*\/" anywhere. From
 * (pline, pcol), the position just after it, on, positions read as file at
 * line + (the physical line - pline), until the next directive. */
typedef struct lex_linedir {
    int pline, pcol;
    const char *file; /* "" when none is given (gc's "??"); with a column
                         and no file, the previous directive's file */
    int line;
} lex_linedir;

/* A "//go:" directive (gc's pragma), as the lexer met it; what it
 * applies to is the parser's business (parse_pragma.c). */
typedef struct lex_pragma {
    int line, col;    /* of the text after "//", where gc reports it */
    const char *text; /* "go:noinline", "go:linkname a b" (in mem) */
    size_t len;
    bool blank;       /* only blanks before it on its line */
} lex_pragma;

/* The lexer's cursor. Plain data: copy it to save a position. */
typedef struct lex_state {
    const char *file; /* borrowed; for messages */
    const unsigned char *src;
    size_t len;
    size_t pos;        /* next byte to read */
    int line;          /* line of pos */
    size_t line_start; /* offset of the first byte of that line */
    bool nlsemi;       /* a newline here becomes a semicolon */
    bool done;         /* TK_EOF or an error was returned */
    int nointerface;   /* line of the last //go:nointerface (0: none) */
    arena *mem;        /* borrowed; receives decoded strings */
    lex_linedir *dirs; /* the line directives met, in order (in mem) */
    size_t ndirs, capdirs;
    lex_pragma *prags; /* the //go: directives met, in order (in mem) */
    size_t nprags, capprags;
    /* the comments met, in order (in mem), when keep_comments is set
     * (lex_note_comment): go/doc reads an Example's output from them */
    bool keep_comments;
    struct lex_comment *cmts;
    size_t ncmts, capcmts;
    int tok_line;      /* line of the last token returned */
    uint32_t ntok;     /* tokens returned so far */
    uint32_t cmt_ntok; /* ntok when the last comment was met */
    int group_end;     /* last line of the current comment group */
    int group_n;       /* lines a comment may follow it by and join it */
} lex_state;

/* Start lexing src[0, len). file and src are borrowed; mem receives
 * decoded string literals. Cannot fail. */
void lex_init(lex_state *lx, const char *file, const unsigned char *src,
              size_t len, arena *mem);

/* Scan the next token into *t. On a lexical error fill d (file:line:col
 * and gc's message) and return WF_ERR_INPUT; t is then TK_EOF at the error
 * position and every later call returns TK_EOF. O(length of the token and
 * of the blanks and comments before it). */
wf_status lex_next(lex_state *lx, lex_token *t, wf_diag *d);

/* The position (line, col) of a file with line directives dirs[0, n)
 * reads as: the logical line, its file in *file (NULL when no directive
 * applies: the physical position stands). O(log n). */
int lex_linedir_at(const lex_linedir *dirs, size_t n, int line, int col,
                   const char **file);

/* For the lexer: record the line directive text[0, n) (after "line ")
 * whose effect starts at (pline, pcol). A malformed one is ignored (gc
 * rejects the program with "invalid line number"). */
void lex_note_linedir(lex_state *lx, const char *text, size_t n, int pline,
                      int pcol);

/* For the lexer: record the //go: directive text[0, n) (after "//") at
 * (line, col); blank: nothing but blanks before it on its line. */
void lex_note_pragma(lex_state *lx, const char *text, size_t n, int line,
                     int col, bool blank);

/* The spelling of a kind: "+", "break", "name", "literal", "EOF". */
const char *lex_kind_str(lex_kind k);

/* True for break..var. */
static inline bool lex_is_keyword(lex_kind k)
{
    return k >= TK_FIRST_KEYWORD && k <= TK_LAST_KEYWORD;
}

/* For op= tokens, the binary operator (TK_ADD_ASSIGN -> TK_ADD); otherwise
 * TK_EOF. */
lex_kind lex_assign_op(lex_kind k);

/* Binary operator precedence per the Go spec (5 for * / % << >> & &^, 4 for
 * + - | ^, 3 for comparisons, 2 for &&, 1 for ||); 0 if k is not a binary
 * operator. */
int lex_precedence(lex_kind k);

/* A comment (at the top of a file, or any comment the lexer kept). */
typedef struct lex_comment {
    int line, col;    /* of the comment's first byte */
    const char *text; /* arena copy of the body without the comment marks:
                         "// expect: ok" gives " expect: ok" (a kept
                         comment's has no '\r', as go/scanner's) */
    size_t len;
    /* kept comments only: */
    int end_line;     /* the line of its last byte */
    size_t off;       /* byte offset of its first byte */
    uint32_t group;   /* its comment group, as go/parser groups them
                         (1, 2, ...: comments of one group are adjacent) */
    bool block;       /* a slash-star comment */
} lex_comment;

/* For the lexer: with keep_comments, record the comment that starts at
 * byte off, (line, col), and ends just before lx->pos (lex_comment.c). */
void lex_note_comment(lex_state *lx, size_t off, int line, int col,
                      bool block);

/* The text of comment group g[0, n), as go/ast's CommentGroup.Text gives
 * it (markers, directives and trailing blanks removed, blank lines
 * collapsed, a final newline), appended to out. O(length). */
void lex_group_text(const lex_comment *g, size_t n, buf *out);

/* go/doc's exampleOutput: the expected output of the function body
 * between (lline, lcol) and (rline, rcol) (its braces), read from the
 * last comment group inside it among cmts[0, n): true when that group
 * starts with "Output:" or "Unordered output:" (any case), with the text
 * after it in *out (malloc'd) and *unordered set; false, and *out NULL,
 * when the body has no such comment. O(n + the group's length). */
bool lex_example_output(const lex_comment *cmts, size_t n, int lline,
                        int lcol, int rline, int rcol, char **out,
                        bool *unordered);

/* The comments before the first token of src (the `package` clause in a
 * well-formed file), in order, copied into mem; *out is NULL when there are
 * none. Stops quietly at the first token or at anything malformed, so it
 * never fails; a test runner reads `// expect:` and `// weft:` lines from
 * it. O(bytes scanned). */
size_t lex_leading_comments(const unsigned char *src, size_t len, arena *mem,
                            lex_comment **out);

#endif
