/* begin.c: linked by weft cc before the program's objects (end.c after
 * them): the program's .data and .bss lie between the two markers, apart
 * from weft's, and are restored before every execution (sim/posix/mem.c).
 * The markers are the linker's input order made visible: ld lays out the
 * input sections of .data and .bss in command-line order. */
char __weft_data_begin[1] __attribute__((section(".data"), used)) = {1};
char __weft_bss_begin[1] __attribute__((section(".bss"), used));
/* the program's thread-local variables, which each task has a copy of */
__thread char __weft_tdata_begin __attribute__((section(".tdata"), used)) = 1;
__thread char __weft_tbss_begin __attribute__((section(".tbss"), used));
