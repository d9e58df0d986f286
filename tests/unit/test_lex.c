/* test_lex.c: the lexer: every token class, semicolon insertion, literal
 * values and escapes, positions, lexical errors, leading comments. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/lang/lex.h"
#include "sim/util.h"

/* Tokens of src as "spelling" words separated by spaces; inserted
 * semicolons print as ";nl" or ";eof", the end as "EOF". With pos, each
 * word gets "@line:col". On an error the diagnostic ends the string. */
static char *toks(const char *src, size_t len, bool pos)
{
    arena a;
    lex_state lx;
    lex_token t;
    wf_diag d;
    buf b;
    arena_init(&a);
    buf_init(&b);
    lex_init(&lx, "t.go", (const unsigned char *)src, len, &a);
    for (;;) {
        if (b.len) buf_putc(&b, ' ');
        if (lex_next(&lx, &t, &d) != WF_OK) {
            char o[1200];
            diag_format(&d, o, sizeof o);
            buf_printf(&b, "ERR %s", o);
            break;
        }
        if (t.kind == TK_SEMICOLON && t.semi != LEX_SEMI_EXPLICIT)
            buf_puts(&b, t.semi == LEX_SEMI_NEWLINE ? ";nl" : ";eof");
        else if (t.kind == TK_EOF)
            buf_puts(&b, "EOF");
        else
            buf_append(&b, src + t.off, t.len);
        if (pos) buf_printf(&b, "@%d:%d", t.line, t.col);
        if (t.kind == TK_EOF) break;
    }
    arena_fini(&a);
    return b.p;
}

#define TOKS(src) toks(src, strlen(src), false)
#define CHECK_TOKS(src, want)                                                  \
    do {                                                                       \
        char *got_ = TOKS(src);                                                \
        ck_assert_str_eq(got_, want);                                          \
        free(got_);                                                            \
    } while (0)
#define CHECK_POS(src, want)                                                   \
    do {                                                                       \
        char *got_ = toks(src, strlen(src), true);                             \
        ck_assert_str_eq(got_, want);                                          \
        free(got_);                                                            \
    } while (0)

/* Lex a single-literal source and return its token (string bytes are
 * copied into *sbuf when given). */
static lex_token one(const char *src, unsigned char *sbuf, size_t *slen)
{
    arena a;
    lex_state lx;
    lex_token t;
    wf_diag d;
    arena_init(&a);
    lex_init(&lx, "t.go", (const unsigned char *)src, strlen(src), &a);
    ck_assert_int_eq(lex_next(&lx, &t, &d), WF_OK);
    if (t.kind == TK_STRING && sbuf) {
        memcpy(sbuf, t.val.s.p, t.val.s.n);
        *slen = t.val.s.n;
    }
    t.val.s.p = t.kind == TK_STRING ? NULL : t.val.s.p;
    arena_fini(&a);
    return t;
}

/* The error of lexing src to the end, as "line:col: msg". */
static char *err(const char *src, size_t len)
{
    char *s = toks(src, len, false), *e = strstr(s, "ERR t.go:");
    char *r;
    ck_assert_msg(e != NULL, "no error in: %s", s);
    r = wf_xstrdup(e + 9);
    free(s);
    {
        char *x = strstr(r, ": error: ");
        ck_assert(x != NULL);
        memmove(x + 2, x + 9, strlen(x + 9) + 1);
    }
    return r;
}

#define CHECK_ERR(src, want)                                                   \
    do {                                                                       \
        char *got_ = err(src, strlen(src));                                    \
        ck_assert_str_eq(got_, want);                                          \
        free(got_);                                                            \
    } while (0)

START_TEST(every_keyword_is_recognized)
{
    CHECK_TOKS("break case chan const continue default defer else "
               "fallthrough for func go goto if import interface map package "
               "range return select struct switch type var",
               "break case chan const continue default defer else "
               "fallthrough for func go goto if import interface map package "
               "range return select struct switch type var EOF");
    {
        arena a;
        lex_state lx;
        lex_token t;
        const char *kw = "break var goto breaks _var";
        lex_kind want[] = {TK_BREAK, TK_VAR, TK_GOTO, TK_IDENT, TK_IDENT};
        size_t i;
        arena_init(&a);
        lex_init(&lx, "t.go", (const unsigned char *)kw, strlen(kw), &a);
        for (i = 0; i < 5; i++) {
            ck_assert_int_eq(lex_next(&lx, &t, NULL), WF_OK);
            ck_assert_int_eq(t.kind, want[i]);
        }
        arena_fini(&a);
    }
}
END_TEST

START_TEST(every_operator_is_one_token)
{
    CHECK_TOKS("+ - * / % & | ^ << >> &^ += -= *= /= %= &= |= ^= <<= >>= "
               "&^= && || <- ++ -- == < > = ! != <= >= := ... ( [ { , . ) ] "
               "} ; : ~",
               "+ - * / % & | ^ << >> &^ += -= *= /= %= &= |= ^= <<= >>= "
               "&^= && || <- ++ -- == < > = ! != <= >= := ... ( [ { , . ) ] "
               "} ; : ~ EOF");
    /* longest match, without blanks */
    CHECK_TOKS("a&^=b&^c<-d<<=e..f:=g", "a &^= b &^ c <- d <<= e . . f := g "
                                        ";eof EOF");
    CHECK_TOKS("x...", "x ... EOF");
}
END_TEST

START_TEST(identifiers_may_use_unicode_letters)
{
    CHECK_TOKS("héllo _x9 αβγ 世界 x٣", "héllo _x9 αβγ 世界 x٣ ;eof EOF");
}
END_TEST

START_TEST(semicolons_are_inserted_as_the_go_spec_says)
{
    /* after identifiers, literals, the four keywords and ++ -- ) ] } */
    CHECK_TOKS("x\n1\n1.5\n'a'\n\"s\"\n`r`\nbreak\ncontinue\nfallthrough\n"
               "return\ni++\ni--\n)\n]\n}\n",
               "x ;nl 1 ;nl 1.5 ;nl 'a' ;nl \"s\" ;nl `r` ;nl break ;nl "
               "continue ;nl fallthrough ;nl return ;nl i ++ ;nl i -- ;nl ) "
               ";nl ] ;nl } ;nl EOF");
    /* not after operators, openers, commas or other keywords */
    CHECK_TOKS("a +\nb ,\n(\n[\n{\nfunc\nif\n", "a + b , ( [ { func if EOF");
    /* at the end of input */
    CHECK_TOKS("x", "x ;eof EOF");
    CHECK_TOKS("x ", "x ;eof EOF");
    /* a line comment ends at the newline, which inserts */
    CHECK_POS("x // c\ny", "x@1:1 ;nl@1:7 y@2:1 ;eof@2:2 EOF@2:2");
    CHECK_TOKS("x // c", "x ;eof EOF");
    /* a block comment spanning lines acts as a newline, at the comment */
    CHECK_POS("x /* a\nb */ y", "x@1:1 ;nl@1:3 y@2:6 ;eof@2:7 EOF@2:7");
    /* one on a single line does not */
    CHECK_TOKS("x /* a */ y", "x y ;eof EOF");
    /* nor a multi-line one where no semicolon is due */
    CHECK_TOKS("x + /* a\nb */ y", "x + y ;eof EOF");
    /* blank lines give one semicolon */
    CHECK_TOKS("x\n\n\ny", "x ;nl y ;eof EOF");
    /* an explicit semicolon resets it */
    CHECK_TOKS("x;\ny", "x ; y ;eof EOF");
    /* CR LF line ends */
    CHECK_TOKS("x\r\ny\r\n", "x ;nl y ;nl EOF");
}
END_TEST

START_TEST(integer_literals_have_their_values)
{
    static const struct {
        const char *src;
        uint64_t v;
    } cases[] = {
        {"0", 0},
        {"42", 42},
        {"1_000_000", 1000000},
        {"0x1F", 31},
        {"0XfF", 255},
        {"0x_ff", 255},
        {"0o17", 15},
        {"0O17", 15},
        {"017", 15},
        {"0_17", 15},
        {"0b101", 5},
        {"0B1_0", 2},
        {"18446744073709551615", UINT64_MAX},
        {"0xFFFFFFFFFFFFFFFF", UINT64_MAX},
        {"9223372036854775808", 9223372036854775808ULL},
    };
    size_t i;
    for (i = 0; i < sizeof cases / sizeof *cases; i++) {
        lex_token t = one(cases[i].src, NULL, NULL);
        ck_assert_msg(t.kind == TK_INT, "%s", cases[i].src);
        ck_assert_msg(t.val.i == cases[i].v && !t.overflow, "%s", cases[i].src);
        ck_assert_uint_eq(t.len, strlen(cases[i].src));
    }
    ck_assert(one("18446744073709551616", NULL, NULL).overflow);
    ck_assert(one("0x10000000000000000", NULL, NULL).overflow);
    ck_assert(one("99999999999999999999999999999999", NULL, NULL).overflow);
}
END_TEST

START_TEST(float_literals_have_their_values)
{
    static const struct {
        const char *src;
        double v;
    } cases[] = {
        {"1.5", 1.5},        {"1.", 1.0},
        {".5", 0.5},         {"1e3", 1000.0},
        {"1E-2", 0.01},      {"2.5e+2", 250.0},
        {"1_000.5", 1000.5}, {"0x1p-2", 0.25},
        {"0x1.8p1", 3.0},    {"0X.8P0", 0.5},
        {"0x_1p4", 16.0},    {"09.5", 9.5},
        {"0755e1", 7550.0},  {"6.02214076e23", 6.02214076e23},
    };
    size_t i;
    for (i = 0; i < sizeof cases / sizeof *cases; i++) {
        lex_token t = one(cases[i].src, NULL, NULL);
        ck_assert_msg(t.kind == TK_FLOAT, "%s", cases[i].src);
        ck_assert_msg(t.val.f == cases[i].v && !t.overflow, "%s", cases[i].src);
    }
    ck_assert(one("1e400", NULL, NULL).overflow);
    ck_assert(!one("1e-400", NULL, NULL).overflow);
}
END_TEST

START_TEST(rune_literals_decode_every_escape)
{
    static const struct {
        const char *src;
        int32_t v;
    } cases[] = {
        {"'a'", 'a'},
        {"'\\a'", 7},
        {"'\\b'", 8},
        {"'\\f'", 12},
        {"'\\n'", 10},
        {"'\\r'", 13},
        {"'\\t'", 9},
        {"'\\v'", 11},
        {"'\\\\'", '\\'},
        {"'\\''", '\''},
        {"'\"'", '"'},
        {"'\\x41'", 0x41},
        {"'\\xff'", 0xff},
        {"'\\101'", 65},
        {"'\\377'", 255},
        {"'\\000'", 0},
        {"'\\u00e9'", 0xe9},
        {"'\\U0001F600'", 0x1F600},
        {"'é'", 0xe9},
        {"'世'", 0x4e16},
        {"'😀'", 0x1F600},
        {"'\\uFFFF'", 0xFFFF},
        {"'\\U0010FFFF'", 0x10FFFF},
    };
    size_t i;
    for (i = 0; i < sizeof cases / sizeof *cases; i++) {
        lex_token t = one(cases[i].src, NULL, NULL);
        ck_assert_msg(t.kind == TK_RUNE, "%s", cases[i].src);
        ck_assert_msg(t.val.r == cases[i].v, "%s: %d", cases[i].src,
                      (int)t.val.r);
    }
}
END_TEST

START_TEST(strings_are_decoded_to_bytes)
{
    unsigned char s[64];
    size_t n;
    lex_token t = one("\"a\\x00b\\n\\t\\\"\\\\\"", s, &n);
    ck_assert_int_eq(t.kind, TK_STRING);
    ck_assert_uint_eq(n, 7);
    ck_assert(memcmp(s, "a\0b\n\t\"\\", 7) == 0);
    /* \x and octal escapes are bytes; \u and \U are UTF-8 encoded */
    one("\"\\xff\\377\\u00e9\\U0001F600\"", s, &n);
    ck_assert_uint_eq(n, 8);
    ck_assert(memcmp(s, "\xff\xff\xc3\xa9\xf0\x9f\x98\x80", 8) == 0);
    /* UTF-8 in the source is kept as is; \' is not an escape in "" */
    one("\"héllo\"", s, &n);
    ck_assert_uint_eq(n, 6);
    ck_assert(memcmp(s, "h\xc3\xa9llo", 6) == 0);
    one("\"\"", s, &n);
    ck_assert_uint_eq(n, 0);
}
END_TEST

START_TEST(raw_strings_span_lines_and_drop_carriage_returns)
{
    unsigned char s[64];
    size_t n;
    lex_token t = one("`a\\n\r\nb\"c\r`", s, &n);
    ck_assert_int_eq(t.kind, TK_STRING);
    ck_assert_uint_eq(n, 7);
    ck_assert(memcmp(s, "a\\n\nb\"c", 7) == 0);
    /* positions after a multi-line raw string continue on its last line */
    CHECK_POS("x := `a\nbc` + y\nz",
              "x@1:1 :=@1:3 `a\nbc`@1:6 +@2:5 y@2:7 ;nl@2:8 z@3:1 ;eof@3:2 "
              "EOF@3:2");
}
END_TEST

START_TEST(positions_are_one_based_byte_columns)
{
    CHECK_POS("package main\n\nfunc f() {\n\tx := \"é\" + y\n}\n",
              "package@1:1 main@1:9 ;nl@1:13 func@3:1 f@3:6 (@3:7 )@3:8 "
              "{@3:10 x@4:2 :=@4:4 \"é\"@4:7 +@4:12 y@4:14 ;nl@4:15 }@5:1 "
              ";nl@5:2 EOF@6:1");
    /* a byte-order mark at the start is skipped but counted */
    CHECK_POS("\xef\xbb\xbfpackage p", "package@1:4 p@1:12 ;eof@1:13 EOF@1:13");
}
END_TEST

START_TEST(lexical_errors_have_gc_messages_and_positions)
{
    CHECK_ERR("x := \"abc", "1:6: string literal not terminated");
    CHECK_ERR("x := \"abc\ny", "1:10: newline in string");
    CHECK_ERR("x := `abc\ny", "1:6: raw string literal not terminated");
    CHECK_ERR("x /* abc\n\n", "1:3: comment not terminated");
    CHECK_ERR("\"a\\qb\"", "1:4: unknown escape");
    CHECK_ERR("'\\\"'", "1:3: unknown escape");
    CHECK_ERR("\"\\'\"", "1:3: unknown escape");
    CHECK_ERR("\"\\x4g\"", "1:5: invalid character 'g' in hexadecimal escape");
    CHECK_ERR("\"\\u12\"", "1:6: invalid character '\"' in hexadecimal escape");
    CHECK_ERR("'\\18'", "1:4: invalid character '8' in octal escape");
    CHECK_ERR("\"\\400\"", "1:6: octal escape value 256 > 255");
    CHECK_ERR("'\\uD800'", "1:8: escape is invalid Unicode code point U+D800");
    CHECK_ERR("'\\U00110000'",
              "1:12: escape is invalid Unicode code point U+110000");
    CHECK_ERR("''", "1:2: empty rune literal or unescaped ' in rune literal");
    CHECK_ERR("x = 'ab'", "1:5: more than one character in rune literal");
    CHECK_ERR("'a", "1:1: rune literal not terminated");
    CHECK_ERR("'a\n'", "1:3: newline in rune literal");
    CHECK_ERR("a @ b", "1:3: invalid character U+0040 '@'");
    CHECK_ERR("a # b", "1:3: invalid character U+0023 '#'");
    CHECK_ERR("a\x01", "1:2: invalid character U+0001");
    CHECK_ERR("a ★", "1:3: invalid character U+2605 '★' in identifier");
    CHECK_ERR("ab★", "1:3: invalid character U+2605 '★' in identifier");
    CHECK_ERR("x ٣", "1:3: identifier cannot begin with digit U+0663 '٣'");
    CHECK_ERR("x \xff", "1:3: invalid UTF-8 encoding");
    CHECK_ERR("\"a\xc3\"", "1:3: invalid UTF-8 encoding");
    CHECK_ERR("// ok\n// \xed\xa0\x80", "2:4: invalid UTF-8 encoding");
    CHECK_ERR("x \xef\xbb\xbf", "1:3: invalid BOM in the middle of the file");
    /* imaginary literals: one token, 'i' included (09i is decimal) */
    CHECK_TOKS("1i 1.5i 0x1p-2i 09i 1e3i", "1i 1.5i 0x1p-2i 09i 1e3i ;eof EOF");
    CHECK_ERR("0b12i", "1:4: invalid digit '2' in binary literal");
    CHECK_ERR("08", "1:2: invalid digit '8' in octal literal");
    CHECK_ERR("0b102", "1:5: invalid digit '2' in binary literal");
    CHECK_ERR("0o78", "1:4: invalid digit '8' in octal literal");
    CHECK_ERR("0x", "1:3: hexadecimal literal has no digits");
    CHECK_ERR("0b", "1:3: binary literal has no digits");
    CHECK_ERR("1e", "1:3: exponent has no digits");
    CHECK_ERR("1e+x", "1:4: exponent has no digits");
    CHECK_ERR("0x1.5", "1:6: hexadecimal mantissa requires a 'p' exponent");
    CHECK_ERR("0x1e5p", "1:7: exponent has no digits");
    CHECK_ERR("0b1e5", "1:4: 'e' exponent requires decimal mantissa");
    CHECK_ERR("1p5", "1:2: 'p' exponent requires hexadecimal mantissa");
    CHECK_ERR("0b1.0", "1:4: invalid radix point in binary literal");
    CHECK_ERR("1__0", "1:3: '_' must separate successive digits");
    CHECK_ERR("1_", "1:2: '_' must separate successive digits");
    CHECK_ERR("0x_", "1:4: hexadecimal literal has no digits");
    CHECK_ERR("0_x1", "1:2: '_' must separate successive digits");
    {
        /* NUL anywhere, even in a comment */
        char *e = err("x // a\0b", 8);
        ck_assert_str_eq(e, "1:7: invalid NUL character");
        free(e);
        e = err("\"\0\"", 3);
        ck_assert_str_eq(e, "1:2: invalid NUL character");
        free(e);
    }
}
END_TEST

START_TEST(after_an_error_the_lexer_stays_at_eof)
{
    arena a;
    lex_state lx;
    lex_token t;
    wf_diag d;
    arena_init(&a);
    lex_init(&lx, "t.go", (const unsigned char *)"a @ b", 5, &a);
    ck_assert_int_eq(lex_next(&lx, &t, &d), WF_OK);
    ck_assert_int_eq(lex_next(&lx, &t, &d), WF_ERR_INPUT);
    ck_assert_int_eq(t.kind, TK_EOF);
    ck_assert_str_eq(d.file, "t.go");
    ck_assert_int_eq(lex_next(&lx, &t, &d), WF_OK);
    ck_assert_int_eq(t.kind, TK_EOF);
    arena_fini(&a);
}
END_TEST

START_TEST(leading_comments_are_collected_up_to_the_first_token)
{
    arena a;
    lex_comment *c;
    const char *src =
        "// expect: deadlock\r\n//weft: --preemptions 2\n\n"
        "/* block\ncomment */ // tail\npackage main // not this\n";
    size_t n;
    arena_init(&a);
    n = lex_leading_comments((const unsigned char *)src, strlen(src), &a, &c);
    ck_assert_uint_eq(n, 4);
    ck_assert_str_eq(c[0].text, " expect: deadlock");
    ck_assert_int_eq(c[0].line, 1);
    ck_assert_str_eq(c[1].text, "weft: --preemptions 2");
    ck_assert_int_eq(c[1].line, 2);
    ck_assert_str_eq(c[2].text, " block\ncomment ");
    ck_assert_int_eq(c[2].line, 4);
    ck_assert_str_eq(c[3].text, " tail");
    ck_assert_int_eq(c[3].line, 5);
    ck_assert_int_eq(c[3].col, 12);
    n = lex_leading_comments((const unsigned char *)"package p // x", 14, &a,
                             &c);
    ck_assert_uint_eq(n, 0);
    ck_assert(c == NULL);
    /* malformed input stops the scan quietly */
    n = lex_leading_comments((const unsigned char *)"// a\n/* b", 9, &a, &c);
    ck_assert_uint_eq(n, 1);
    n = lex_leading_comments((const unsigned char *)"", 0, &a, &c);
    ck_assert_uint_eq(n, 0);
    arena_fini(&a);
}
END_TEST

START_TEST(operator_tables_follow_the_go_spec)
{
    ck_assert_int_eq(lex_precedence(TK_LOR), 1);
    ck_assert_int_eq(lex_precedence(TK_LAND), 2);
    ck_assert_int_eq(lex_precedence(TK_GEQ), 3);
    ck_assert_int_eq(lex_precedence(TK_XOR), 4);
    ck_assert_int_eq(lex_precedence(TK_AND_NOT), 5);
    ck_assert_int_eq(lex_precedence(TK_ARROW), 0);
    ck_assert_int_eq(lex_assign_op(TK_AND_NOT_ASSIGN), TK_AND_NOT);
    ck_assert_int_eq(lex_assign_op(TK_SHL_ASSIGN), TK_SHL);
    ck_assert_int_eq(lex_assign_op(TK_ASSIGN), TK_EOF);
    ck_assert_str_eq(lex_kind_str(TK_AND_NOT_ASSIGN), "&^=");
    ck_assert_str_eq(lex_kind_str(TK_FALLTHROUGH), "fallthrough");
    ck_assert(lex_is_keyword(TK_BREAK) && lex_is_keyword(TK_VAR) &&
              !lex_is_keyword(TK_TILDE));
}
END_TEST

Suite *lex_suite(void)
{
    Suite *s = suite_create("lex");
    TCase *tc = tcase_create("lex");
    tcase_add_test(tc, every_keyword_is_recognized);
    tcase_add_test(tc, every_operator_is_one_token);
    tcase_add_test(tc, identifiers_may_use_unicode_letters);
    tcase_add_test(tc, semicolons_are_inserted_as_the_go_spec_says);
    tcase_add_test(tc, integer_literals_have_their_values);
    tcase_add_test(tc, float_literals_have_their_values);
    tcase_add_test(tc, rune_literals_decode_every_escape);
    tcase_add_test(tc, strings_are_decoded_to_bytes);
    tcase_add_test(tc, raw_strings_span_lines_and_drop_carriage_returns);
    tcase_add_test(tc, positions_are_one_based_byte_columns);
    tcase_add_test(tc, lexical_errors_have_gc_messages_and_positions);
    tcase_add_test(tc, after_an_error_the_lexer_stays_at_eof);
    tcase_add_test(tc, leading_comments_are_collected_up_to_the_first_token);
    tcase_add_test(tc, operator_tables_follow_the_go_spec);
    suite_add_tcase(s, tc);
    return s;
}
