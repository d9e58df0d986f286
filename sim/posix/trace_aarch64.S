/* trace_aarch64.S: the trace-pc hook (see trace_x86_64.S): the block's
 * address, the caller's callee-saved x19-x28 and d8-d15, its stack
 * pointer. */
    .text
    .globl __sanitizer_cov_trace_pc
    .type __sanitizer_cov_trace_pc, %function
__sanitizer_cov_trace_pc:
    stp x29, x30, [sp, #-176]!
    mov x29, sp
    stp x19, x20, [sp, #16]
    stp x21, x22, [sp, #32]
    stp x23, x24, [sp, #48]
    stp x25, x26, [sp, #64]
    stp x27, x28, [sp, #80]
    stp d8, d9, [sp, #96]
    stp d10, d11, [sp, #112]
    stp d12, d13, [sp, #128]
    stp d14, d15, [sp, #144]
    mov x0, x30
    add x1, sp, #16
    mov w2, #18
    add x3, sp, #176
    bl px_trace_pc
    ldp x29, x30, [sp], #176
    ret
    .size __sanitizer_cov_trace_pc, .-__sanitizer_cov_trace_pc
    .section .note.GNU-stack,"",%progbits
