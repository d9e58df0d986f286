/* switch_x86_64.S: the native task switch for x86-64 (System V ABI).
 *
 * void wf_ctx_switch(void **save_sp, void *load_sp)
 *   Pushes the callee-saved registers (rbp rbx r12-r15), stores rsp in
 *   *save_sp, loads load_sp and pops the same registers from it. The MXCSR
 *   and x87 control words are not saved: tasks share the rounding mode.
 *
 * wf_ctx_trampoline: first "return" of a new context (native.c builds the
 *   frame): calls r13(r12) and must never return. */
    .text
    .globl  wf_ctx_switch
    .type   wf_ctx_switch,@function
    .p2align 4
wf_ctx_switch:
    .cfi_startproc
    pushq   %rbp
    pushq   %rbx
    pushq   %r12
    pushq   %r13
    pushq   %r14
    pushq   %r15
    movq    %rsp, (%rdi)
    movq    %rsi, %rsp
    popq    %r15
    popq    %r14
    popq    %r13
    popq    %r12
    popq    %rbx
    popq    %rbp
    ret
    .cfi_endproc
    .size   wf_ctx_switch, .-wf_ctx_switch

    .globl  wf_ctx_trampoline
    .type   wf_ctx_trampoline,@function
    .p2align 4
wf_ctx_trampoline:
    .cfi_startproc
    .cfi_undefined rip
    movq    %r12, %rdi
    callq   *%r13
    ud2
    .cfi_endproc
    .size   wf_ctx_trampoline, .-wf_ctx_trampoline

    .section .note.GNU-stack,"",@progbits
