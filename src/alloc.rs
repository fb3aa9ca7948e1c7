//! A free list per small size in front of a general allocator.
//!
//! An analysis makes about ninety allocations per kilobyte of text, nine in ten of them 1 KB or
//! less (names, values, small lists), each freed before the analysis ends. A general allocator
//! splits, tags and coalesces blocks for each; here a freed small block is kept on the list of
//! its size and handed out again as it is, so most allocations after the first article are a
//! pop and most frees a push. What is kept is at most the largest set of small blocks alive at
//! once; [`SizeClasses::release`] gives it back after an outsized text.
//!
//! Only for a single thread: the WebAssembly module has one (it is built without atomics).

use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;
use std::ptr;

/// Sizes are rounded up to a multiple of this, which is also the alignment of every kept block.
const GRAIN: usize = 16;
/// Sizes up to `GRAIN * CLASSES` bytes (1 KB) are kept.
const CLASSES: usize = 64;

/// `inner` serves the blocks the lists do not: the first of each size, large ones, and any that
/// needs an alignment above 16 bytes.
pub struct SizeClasses<A> {
    inner: A,
    /// The head of each size's list of freed blocks; a freed block holds the next one's address.
    heads: UnsafeCell<[*mut u8; CLASSES]>,
}

// SAFETY: WebAssembly built without atomics has one thread, so nothing reaches the lists
// concurrently. (A `static` global allocator must be `Sync`; elsewhere this type is not.)
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
unsafe impl<A: Sync> Sync for SizeClasses<A> {}

impl<A> SizeClasses<A> {
    pub const fn new(inner: A) -> SizeClasses<A> {
        SizeClasses {
            inner,
            heads: UnsafeCell::new([ptr::null_mut(); CLASSES]),
        }
    }
}

impl<A: GlobalAlloc> SizeClasses<A> {
    /// Gives every kept block back to the inner allocator: after a text of megabytes, so that its
    /// many small blocks can merge into large ones again.
    ///
    /// # Safety
    /// No other call on this allocator may run meanwhile (single thread: not from within one).
    pub unsafe fn release(&self) {
        for (class, head) in (*self.heads.get()).iter_mut().enumerate() {
            while !head.is_null() {
                let block = *head;
                *head = *(block as *mut *mut u8);
                self.inner.dealloc(block, class_layout(class));
            }
        }
    }

    // Out of line, so that what is inlined at each allocation site is the list's pop or push.
    #[cold]
    #[inline(never)]
    unsafe fn inner_alloc(&self, layout: Layout) -> *mut u8 {
        self.inner.alloc(layout)
    }

    #[cold]
    #[inline(never)]
    unsafe fn inner_dealloc(&self, block: *mut u8, layout: Layout) {
        self.inner.dealloc(block, layout)
    }
}

/// The list a block of `layout` is kept on, if any.
fn class_of(layout: Layout) -> Option<usize> {
    let size = layout.size();
    (size > 0 && size <= GRAIN * CLASSES && layout.align() <= GRAIN).then(|| (size - 1) / GRAIN)
}

/// What a block of list `class` is allocated as from the inner allocator.
fn class_layout(class: usize) -> Layout {
    // SAFETY: GRAIN is a power of two and the size is a small multiple of it.
    unsafe { Layout::from_size_align_unchecked((class + 1) * GRAIN, GRAIN) }
}

unsafe impl<A: GlobalAlloc> GlobalAlloc for SizeClasses<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(class) = class_of(layout) else {
            return self.inner_alloc(layout);
        };
        let head = &mut (*self.heads.get())[class];
        if head.is_null() {
            return self.inner_alloc(class_layout(class));
        }
        let block = *head;
        *head = *(block as *mut *mut u8);
        block
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        let Some(class) = class_of(layout) else {
            return self.inner_dealloc(block, layout);
        };
        let head = &mut (*self.heads.get())[class];
        *(block as *mut *mut u8) = *head;
        *head = block;
    }

    #[inline(never)]
    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
        match (class_of(layout), class_of(new_layout)) {
            (Some(old), Some(new)) if old == new => block,
            (None, None) => self.inner.realloc(block, layout, new_size),
            _ => {
                let moved = self.alloc(new_layout);
                if !moved.is_null() {
                    ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
                    self.dealloc(block, layout);
                }
                moved
            }
        }
    }
}

#[cfg(test)]
mod tests {
    /// The example its doc comment once gave, run.
    #[test]
    fn a_freed_block_is_handed_out_again() {
        use crate::alloc::SizeClasses;
        use std::alloc::{GlobalAlloc, Layout, System};
        let heap = SizeClasses::new(System);
        let layout = Layout::from_size_align(24, 8).unwrap();
        unsafe {
            let a = heap.alloc(layout);
            heap.dealloc(a, layout);
            // A freed block of a size is the next one of that size handed out.
            assert_eq!(heap.alloc(layout), a);
        }
    }

    use super::*;
    use std::alloc::System;

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap()
    }

    #[test]
    fn sizes_within_a_grain_share_a_list() {
        let heap = SizeClasses::new(System);
        unsafe {
            let a = heap.alloc(layout(17, 1));
            heap.dealloc(a, layout(17, 1));
            assert_eq!(heap.alloc(layout(32, 8)), a);
            let b = heap.alloc(layout(32, 8));
            assert_ne!(a, b);
            heap.dealloc(a, layout(32, 8));
            heap.dealloc(b, layout(32, 8));
        }
    }

    #[test]
    fn blocks_come_back_last_freed_first_and_keep_their_contents_apart() {
        let heap = SizeClasses::new(System);
        let l = layout(100, 4);
        unsafe {
            let blocks: Vec<*mut u8> = (0..5).map(|_| heap.alloc(l)).collect();
            for (i, &b) in blocks.iter().enumerate() {
                ptr::write_bytes(b, i as u8, 100);
            }
            for (i, &b) in blocks.iter().enumerate() {
                assert!((0..100).all(|k| *b.add(k) == i as u8));
            }
            for &b in &blocks {
                heap.dealloc(b, l);
            }
            let again: Vec<*mut u8> = (0..5).map(|_| heap.alloc(l)).collect();
            assert_eq!(again, blocks.iter().rev().copied().collect::<Vec<_>>());
        }
    }

    #[test]
    fn released_blocks_are_no_longer_kept() {
        let heap = SizeClasses::new(System);
        unsafe {
            for size in [8, 40, 1000] {
                let blocks: Vec<*mut u8> = (0..3).map(|_| heap.alloc(layout(size, 8))).collect();
                blocks
                    .iter()
                    .for_each(|&b| heap.dealloc(b, layout(size, 8)));
            }
            assert_eq!(
                (*heap.heads.get()).iter().filter(|h| !h.is_null()).count(),
                3
            );
            heap.release();
            assert!((*heap.heads.get()).iter().all(|h| h.is_null()));
        }
    }

    #[test]
    fn realloc_keeps_the_contents_across_lists_and_to_and_from_large() {
        let heap = SizeClasses::new(System);
        unsafe {
            let mut block = heap.alloc(layout(8, 8));
            ptr::copy_nonoverlapping(b"dateline".as_ptr(), block, 8);
            let mut size = 8;
            for new_size in [12, 200, 5000, 9000, 700, 16, 3] {
                block = heap.realloc(block, layout(size, 8), new_size);
                let kept = size.min(new_size).min(8);
                assert_eq!(
                    std::slice::from_raw_parts(block, kept),
                    &b"dateline"[..kept]
                );
                size = new_size;
            }
            heap.dealloc(block, layout(size, 8));
        }
    }

    #[test]
    fn large_zero_sized_and_over_aligned_blocks_go_to_the_inner_allocator() {
        assert_eq!(class_of(layout(1025, 8)), None);
        assert_eq!(class_of(layout(0, 1)), None);
        assert_eq!(class_of(layout(64, 32)), None);
        assert_eq!(class_of(layout(1024, 16)), Some(63));
        assert_eq!(class_of(layout(1, 1)), Some(0));
    }
}
