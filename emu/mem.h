/* emu/mem.h — the guest physical address space: RAM in 4 KiB pages plus
 * MMIO regions.
 *
 * RAM is an array of page pointers. A page never written reads as zeros and
 * owns no memory. Pages are the unit of dirty tracking and, later, of
 * copy-on-write sharing with snapshots, so nothing outside this module keeps
 * a host pointer into RAM beyond the next call to emu_mem_flush_hook's
 * callback (the CPU's software TLB is told to forget them).
 */
#ifndef EMU_MEM_H
#define EMU_MEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define EMU_PAGE_BITS 12
#define EMU_PAGE_SIZE (1u << EMU_PAGE_BITS)
#define EMU_PAGE_MASK ((uint64_t)EMU_PAGE_SIZE - 1)
/* Write marks (emu_mem_track_writes) are per 8-byte granule. */
#define EMU_GRANULE_BITS 3
#define EMU_GRANULES (EMU_PAGE_SIZE >> EMU_GRANULE_BITS)

typedef struct EmuMem EmuMem;

/* An MMIO region's callbacks. `off` is relative to the region base, `size`
 * is 1, 2, 4 or 8. Return false for an access the device does not decode:
 * the CPU then takes a synchronous external abort, as QEMU does. */
typedef struct EmuMmioOps {
    bool (*read)(void *opaque, uint64_t off, unsigned size, uint64_t *val);
    bool (*write)(void *opaque, uint64_t off, unsigned size, uint64_t val);
} EmuMmioOps;

typedef struct EmuMmio {
    uint64_t base, size;
    const EmuMmioOps *ops;
    void *opaque;
    const char *name;
} EmuMmio;

/* tlb_flush: host pointers handed out for RAM pages became stale (a page
 * was replaced). code_written: bytes [pa, pa + len) of a page marked as code
 * were written by emu_mem_write_phys/emu_mem_write_bus (the CPU's own store
 * path checks emu_mem_is_code itself). */
typedef struct EmuMemHooks {
    void (*tlb_flush)(void *opaque);
    void (*code_written)(void *opaque, uint64_t pa, size_t len);
    void *opaque;
} EmuMemHooks;

/* ram_size must be a non-zero multiple of EMU_PAGE_SIZE. */
EmuMem *emu_mem_new(uint64_t ram_base, uint64_t ram_size);
void emu_mem_free(EmuMem *mem);

uint64_t emu_mem_ram_base(const EmuMem *mem);
uint64_t emu_mem_ram_size(const EmuMem *mem);

void emu_mem_set_hooks(EmuMem *mem, const EmuMemHooks *hooks);

/* Regions must not overlap RAM or each other; returns false if they do.
 * `ops`, `opaque` and `name` stay the caller's and must outlive `mem`. */
bool emu_mem_add_mmio(EmuMem *mem, uint64_t base, uint64_t size,
                      const EmuMmioOps *ops, void *opaque, const char *name)
    __attribute__((warn_unused_result));

/* The MMIO region containing `pa`, or NULL. */
const EmuMmio *emu_mem_find_mmio(const EmuMem *mem, uint64_t pa);

/* Host pointer to the 4 KiB RAM page containing `pa`, or NULL if `pa` is
 * not RAM. The read pointer may be a shared zero page: never write through
 * it. The write pointer allocates the page and marks it dirty; the caller
 * is responsible for code on the page (see emu_mem_is_code). */
const uint8_t *emu_mem_page_for_read(EmuMem *mem, uint64_t pa);
uint8_t *emu_mem_page_for_write(EmuMem *mem, uint64_t pa);

/* Write generations: which pages were written since a point in time, for
 * the state hashes of the replay log and for snapshots. Every write to a
 * page (through emu_mem_page_for_write, and so through every path that
 * writes RAM) stamps it with the current generation. emu_mem_new_generation
 * starts the next one, returns its number and flushes the CPU's TLBs so
 * that the first write of the new generation to each page is seen.
 * emu_mem_written_since lists, in increasing address order, the pages last
 * written in generation `generation` or later: *pages is a g_malloc'd array
 * of page addresses (NULL or empty when none) that the caller frees. */
uint32_t emu_mem_new_generation(EmuMem *mem);
uint32_t emu_mem_generation(const EmuMem *mem);
size_t emu_mem_written_since(const EmuMem *mem, uint32_t generation, uint64_t **pages);

/* The pages' write stamps as a whole (g_free the copy), and put back: for
 * a recording resumed where it was left, after time travel rewrote RAM,
 * so that "written since generation g" means what it meant then. Putting
 * them back flushes the CPU's TLBs (the next write of each page is seen). */
uint32_t *emu_mem_stamps(const EmuMem *mem);
void emu_mem_set_stamps(EmuMem *mem, const uint32_t *stamps);

/* Which 8-byte granules of RAM were written, finer than the pages'
 * generations: for a reverse watchpoint that skips what did not write its
 * bytes. While tracking is on, every write to RAM marks the granules it
 * touches: the CPU's stores through the marks of emu_mem_write_marks (one
 * byte per granule, set to 1), the rest (the CPU's slow path, write_phys)
 * through emu_mem_mark_written. emu_mem_take_writes hands out the granules
 * marked since tracking began or since the last take, page by page in
 * increasing address order (*out g_malloc'd, NULL when none), and starts
 * afresh. Pages written keep their (cleared) marks for the next take; the
 * marks of a page not written since the last are freed (and the CPU's
 * TLBs, which may hold them, flushed). Off (the default), marks cost no
 * memory and are never kept. */
typedef struct EmuPageWrites {
    uint64_t pa;                          /* the page */
    uint64_t granules[EMU_GRANULES / 64]; /* bit g: granule g was written */
} EmuPageWrites;
void emu_mem_track_writes(EmuMem *mem, bool on);
uint8_t *emu_mem_write_marks(EmuMem *mem, uint64_t pa);
void emu_mem_mark_written(EmuMem *mem, uint64_t pa, size_t len);
size_t emu_mem_take_writes(EmuMem *mem, EmuPageWrites **out);

/* Page flag: the decoder has cached instructions from this page. */
void emu_mem_mark_code(EmuMem *mem, uint64_t pa);
bool emu_mem_is_code(const EmuMem *mem, uint64_t pa);

/* Copy between a host buffer and RAM (loaders, debuggers). Returns false,
 * copying nothing, if any byte of the range is not RAM. */
bool emu_mem_write_phys(EmuMem *mem, uint64_t pa, const void *buf, size_t len)
    __attribute__((warn_unused_result));
bool emu_mem_read_phys(EmuMem *mem, uint64_t pa, void *buf, size_t len)
    __attribute__((warn_unused_result));

/* Device access through MMIO or RAM at a physical address, as the CPU's
 * slow path does it. Returns false if nothing answers at `pa`. */
bool emu_mem_read_bus(EmuMem *mem, uint64_t pa, unsigned size, uint64_t *val);
bool emu_mem_write_bus(EmuMem *mem, uint64_t pa, unsigned size, uint64_t val);

#endif
