/* switch_aarch64.S: the native task switch for AArch64 (AAPCS64).
 *
 * void wf_ctx_switch(void **save_sp, void *load_sp)
 *   Saves x19-x30 and d8-d15 (the callee-saved registers) in a 160-byte
 *   frame, stores sp in *save_sp, loads load_sp and restores the same
 *   frame from it, returning through x30.
 *
 * wf_ctx_trampoline: first "return" of a new context (native.c builds the
 *   frame with x19 = argument, x20 = entry): calls x20(x19), never
 *   returns. */
    .text
    .globl  wf_ctx_switch
    .type   wf_ctx_switch,%function
    .p2align 4
wf_ctx_switch:
    sub     sp, sp, #160
    stp     x19, x20, [sp, #0]
    stp     x21, x22, [sp, #16]
    stp     x23, x24, [sp, #32]
    stp     x25, x26, [sp, #48]
    stp     x27, x28, [sp, #64]
    stp     x29, x30, [sp, #80]
    stp     d8, d9, [sp, #96]
    stp     d10, d11, [sp, #112]
    stp     d12, d13, [sp, #128]
    stp     d14, d15, [sp, #144]
    mov     x2, sp
    str     x2, [x0]
    mov     sp, x1
    ldp     x19, x20, [sp, #0]
    ldp     x21, x22, [sp, #16]
    ldp     x23, x24, [sp, #32]
    ldp     x25, x26, [sp, #48]
    ldp     x27, x28, [sp, #64]
    ldp     x29, x30, [sp, #80]
    ldp     d8, d9, [sp, #96]
    ldp     d10, d11, [sp, #112]
    ldp     d12, d13, [sp, #128]
    ldp     d14, d15, [sp, #144]
    add     sp, sp, #160
    ret
    .size   wf_ctx_switch, .-wf_ctx_switch

    .globl  wf_ctx_trampoline
    .type   wf_ctx_trampoline,%function
    .p2align 4
wf_ctx_trampoline:
    mov     x0, x19
    blr     x20
    brk     #0
    .size   wf_ctx_trampoline, .-wf_ctx_trampoline

    .section .note.GNU-stack,"",%progbits
