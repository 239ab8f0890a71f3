/* tests/guest/start.S — entry, vector table and exception frames shared by
 * every guest program.
 *
 * Entered at EL1 with the MMU off (as QEMU's -kernel prog.elf and rewind run
 * start an ELF). _start: stack at __stack, FP/SIMD enabled (CPACR_EL1.FPEN =
 * 0b11), VBAR_EL1 = vectors, .tbss/.bss zeroed, TPIDR_EL0 = the TLS block
 * (picolibc keeps errno there), constructors run, then exit(main(0, NULL)).
 *
 * Every vector saves the interrupted context as a struct exc_frame (guest.h)
 * on the stack and calls guest_exception(frame, vector index); the handler
 * may change the frame (ELR to skip an instruction, registers), which is then
 * restored before ERET.
 */
        .section .text.init.enter, "ax"
        .global _start
        .type   _start, %function
_start:
        adrp    x1, __stack
        add     x1, x1, :lo12:__stack
        mov     sp, x1
        mov     x1, #(3 << 20)
        msr     cpacr_el1, x1
        adrp    x1, vectors
        add     x1, x1, :lo12:vectors
        msr     vbar_el1, x1
        isb
        adrp    x0, __bss_start
        add     x0, x0, :lo12:__bss_start
        adrp    x1, __bss_end
        add     x1, x1, :lo12:__bss_end
1:      cmp     x0, x1
        b.hs    2f
        str     xzr, [x0], #8
        b       1b
2:      adrp    x0, __tls_base
        add     x0, x0, :lo12:__tls_base
        ldr     x1, =__arm64_tls_tcb_offset
        sub     x0, x0, x1
        msr     tpidr_el0, x0
        bl      __libc_init_array
        mov     x29, #0
        mov     x30, #0
        mov     x0, #0
        mov     x1, #0
        bl      main
        bl      exit
3:      b       3b
        .size   _start, . - _start
        .ltorg

/* Frame layout (bytes): x0..x30 at 0..240, sp_before at 248, elr 256,
 * spsr 264, esr 272, far 280, q0..q31 at 288..799, fpcr 800, fpsr 808,
 * fp_saved 816; 832 bytes in all (16-byte aligned). The FP/SIMD registers
 * are saved only when EL1 may use them (CPACR_EL1.FPEN bit 20 set), and
 * restored only if saved and still accessible after the handler. */
#define FRAME 832
        .macro  vector idx
        .balign 0x80
        sub     sp, sp, #FRAME
        stp     x0, x1, [sp, #0]
        mov     x1, #\idx
        b       exc_common
        .endm

        .text
        .balign 2048
        .global vectors
vectors:
        vector 0
        vector 1
        vector 2
        vector 3
        vector 4
        vector 5
        vector 6
        vector 7
        vector 8
        vector 9
        vector 10
        vector 11
        vector 12
        vector 13
        vector 14
        vector 15

        .type   exc_common, %function
exc_common:
        stp     x2, x3, [sp, #16]
        stp     x4, x5, [sp, #32]
        stp     x6, x7, [sp, #48]
        stp     x8, x9, [sp, #64]
        stp     x10, x11, [sp, #80]
        stp     x12, x13, [sp, #96]
        stp     x14, x15, [sp, #112]
        stp     x16, x17, [sp, #128]
        stp     x18, x19, [sp, #144]
        stp     x20, x21, [sp, #160]
        stp     x22, x23, [sp, #176]
        stp     x24, x25, [sp, #192]
        stp     x26, x27, [sp, #208]
        stp     x28, x29, [sp, #224]
        add     x2, sp, #FRAME
        stp     x30, x2, [sp, #240]
        mrs     x2, elr_el1
        mrs     x3, spsr_el1
        stp     x2, x3, [sp, #256]
        mrs     x2, esr_el1
        mrs     x3, far_el1
        stp     x2, x3, [sp, #272]
        mov     x4, #0
        mrs     x2, cpacr_el1
        tbz     x2, #20, 1f
        add     x3, sp, #288
        stp     q0, q1, [x3, #0]
        stp     q2, q3, [x3, #32]
        stp     q4, q5, [x3, #64]
        stp     q6, q7, [x3, #96]
        stp     q8, q9, [x3, #128]
        stp     q10, q11, [x3, #160]
        stp     q12, q13, [x3, #192]
        stp     q14, q15, [x3, #224]
        stp     q16, q17, [x3, #256]
        stp     q18, q19, [x3, #288]
        stp     q20, q21, [x3, #320]
        stp     q22, q23, [x3, #352]
        stp     q24, q25, [x3, #384]
        stp     q26, q27, [x3, #416]
        stp     q28, q29, [x3, #448]
        stp     q30, q31, [x3, #480]
        mrs     x2, fpcr
        mrs     x3, fpsr
        str     x2, [sp, #800]
        str     x3, [sp, #808]
        mov     x4, #1
1:      str     x4, [sp, #816]
        mov     x0, sp
        bl      guest_exception
        ldr     x4, [sp, #816]
        cbz     x4, 2f
        mrs     x2, cpacr_el1
        tbz     x2, #20, 2f
        add     x3, sp, #288
        ldp     q0, q1, [x3, #0]
        ldp     q2, q3, [x3, #32]
        ldp     q4, q5, [x3, #64]
        ldp     q6, q7, [x3, #96]
        ldp     q8, q9, [x3, #128]
        ldp     q10, q11, [x3, #160]
        ldp     q12, q13, [x3, #192]
        ldp     q14, q15, [x3, #224]
        ldp     q16, q17, [x3, #256]
        ldp     q18, q19, [x3, #288]
        ldp     q20, q21, [x3, #320]
        ldp     q22, q23, [x3, #352]
        ldp     q24, q25, [x3, #384]
        ldp     q26, q27, [x3, #416]
        ldp     q28, q29, [x3, #448]
        ldp     q30, q31, [x3, #480]
        ldr     x2, [sp, #800]
        ldr     x3, [sp, #808]
        msr     fpcr, x2
        msr     fpsr, x3
2:
        ldp     x2, x3, [sp, #256]
        msr     elr_el1, x2
        msr     spsr_el1, x3
        ldp     x2, x3, [sp, #16]
        ldp     x4, x5, [sp, #32]
        ldp     x6, x7, [sp, #48]
        ldp     x8, x9, [sp, #64]
        ldp     x10, x11, [sp, #80]
        ldp     x12, x13, [sp, #96]
        ldp     x14, x15, [sp, #112]
        ldp     x16, x17, [sp, #128]
        ldp     x18, x19, [sp, #144]
        ldp     x20, x21, [sp, #160]
        ldp     x22, x23, [sp, #176]
        ldp     x24, x25, [sp, #192]
        ldp     x26, x27, [sp, #208]
        ldp     x28, x29, [sp, #224]
        ldr     x30, [sp, #240]
        ldp     x0, x1, [sp, #0]
        add     sp, sp, #FRAME
        eret
        .size   exc_common, . - exc_common
