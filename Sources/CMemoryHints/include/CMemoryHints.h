#ifndef CMEMORY_HINTS_H
#define CMEMORY_HINTS_H

/// Hints to the processor about memory the caller will read soon. Swift has no prefetch
/// intrinsic, and a plain load whose value is used holds up the instructions after it until
/// the line arrives; a prefetch asks for the line and lets execution go on.
///
/// A hint never faults and never changes what a program computes: a hint for an address that is
/// not read after all only costs the bandwidth of one line.

/// Asks for the cache line holding `address`, to be read soon, into every cache level.
static inline void cmh_prefetch_read(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
