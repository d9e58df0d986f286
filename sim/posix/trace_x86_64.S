/* trace_x86_64.S: the trace-pc hook (-fsanitize-coverage=trace-pc calls
 * it in every basic block). It hands px_trace_pc (verifier.c) the block's
 * address, the caller's callee-saved registers (rbx, rbp, r12-r15) and its
 * stack pointer, the state the spin check compares; everything else the
 * caller keeps across a call is on its stack. */
    .text
    .globl __sanitizer_cov_trace_pc
    .type __sanitizer_cov_trace_pc, @function
__sanitizer_cov_trace_pc:
    pushq %r15
    pushq %r14
    pushq %r13
    pushq %r12
    pushq %rbp
    pushq %rbx
    movq 48(%rsp), %rdi
    movq %rsp, %rsi
    movl $6, %edx
    leaq 56(%rsp), %rcx
    subq $8, %rsp
    call px_trace_pc
    addq $8, %rsp
    popq %rbx
    popq %rbp
    popq %r12
    popq %r13
    popq %r14
    popq %r15
    ret
    .size __sanitizer_cov_trace_pc, .-__sanitizer_cov_trace_pc
    .section .note.GNU-stack,"",@progbits
