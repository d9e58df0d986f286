/* end.c: the end of the program's .data and .bss (see begin.c). */
char __weft_data_end[1] __attribute__((section(".data"), used)) = {1};
char __weft_bss_end[1] __attribute__((section(".bss"), used));
__thread char __weft_tdata_end __attribute__((section(".tdata"), used)) = 1;
__thread char __weft_tbss_end __attribute__((section(".tbss"), used));
