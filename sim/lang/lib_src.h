/* lib_src.h: the Go sources of library packages kept in files of their
 * own (lib_src_context.c, lib_src_text.c, lib_src_testing.c), registered by lib_src.c. */
#ifndef WF_LIB_SRC_H
#define WF_LIB_SRC_H

extern const char src_context[];
extern const char src_strings[];
extern const char src_strconv[];
extern const char src_log[];
extern const char src_testing[];

#endif
