/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minimal environment for the pure protocol code (src/proto, include/hvn).
 *
 * In the kernel this maps onto the usual kernel headers.  In userspace
 * (unit tests, fuzzers, host emulator) it provides the small subset of
 * kernel types and helpers the protocol code uses, so the same .c files
 * compile unchanged in both worlds.
 */
#ifndef _HVN_TYPES_H
#define _HVN_TYPES_H

#ifdef __KERNEL__

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/compiler.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/bug.h>
#include <linux/bitops.h>
#include <linux/bitmap.h>
#include <linux/overflow.h>

/* Atomic bit operations for lock-free users (send-section allocator). */
#define hvn_test_and_set_bit(nr, addr)		test_and_set_bit(nr, addr)
#define hvn_test_and_clear_bit(nr, addr)	test_and_clear_bit(nr, addr)
#define hvn_test_bit(nr, addr)			test_bit(nr, addr)
#define hvn_find_next_zero_bit(addr, size, off)	find_next_zero_bit(addr, size, off)

#else /* !__KERNEL__ */

#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <errno.h>
#include <limits.h>

/* Same widths and types as the kernel's on x86_64 */
typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed char s8;
typedef short s16;
typedef int s32;
typedef long long s64;

#ifndef __packed
#define __packed		__attribute__((__packed__))
#endif
#ifndef __aligned
#define __aligned(x)		__attribute__((__aligned__(x)))
#endif
#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)

#define BUILD_BUG_ON(cond)	_Static_assert(!(cond), "BUILD_BUG_ON: " #cond)
#ifndef static_assert
#define static_assert(expr, ...)	__hvn_static_assert(expr, ##__VA_ARGS__, #expr)
#define __hvn_static_assert(expr, msg, ...) _Static_assert(expr, msg)
#endif

#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))
#define BIT(n)			(1UL << (n))
#define BIT_ULL(n)		(1ULL << (n))
#define BITS_PER_LONG		(8 * (int)sizeof(long))
#define BITS_TO_LONGS(n)	(((n) + BITS_PER_LONG - 1) / BITS_PER_LONG)
#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))
#define ALIGN(x, a)		(((x) + ((a) - 1)) & ~((__typeof__(x))(a) - 1))

#define U8_MAX			((u8)~0U)
#define U16_MAX			((u16)~0U)
#define U32_MAX			((u32)~0U)
#define U64_MAX			((u64)~0ULL)

#define min(a, b) \
	({ __typeof__(a) __a = (a); __typeof__(b) __b = (b); __a < __b ? __a : __b; })
#define max(a, b) \
	({ __typeof__(a) __a = (a); __typeof__(b) __b = (b); __a > __b ? __a : __b; })
#define min_t(t, a, b)		min((t)(a), (t)(b))
#define max_t(t, a, b)		max((t)(a), (t)(b))

#define check_add_overflow(a, b, d)	__builtin_add_overflow(a, b, d)
#define check_mul_overflow(a, b, d)	__builtin_mul_overflow(a, b, d)

/*
 * Non-atomic userspace bit helpers; the kernel versions above are atomic.
 * Userspace users (tests, emulator) are single threaded.
 */
static inline bool hvn_test_bit(unsigned long nr, const unsigned long *addr)
{
	return (addr[nr / BITS_PER_LONG] >> (nr % BITS_PER_LONG)) & 1UL;
}

static inline bool hvn_test_and_set_bit(unsigned long nr, unsigned long *addr)
{
	unsigned long mask = 1UL << (nr % BITS_PER_LONG);
	unsigned long *w = &addr[nr / BITS_PER_LONG];
	bool old = *w & mask;

	*w |= mask;
	return old;
}

static inline bool hvn_test_and_clear_bit(unsigned long nr, unsigned long *addr)
{
	unsigned long mask = 1UL << (nr % BITS_PER_LONG);
	unsigned long *w = &addr[nr / BITS_PER_LONG];
	bool old = *w & mask;

	*w &= ~mask;
	return old;
}

static inline unsigned long hvn_find_next_zero_bit(const unsigned long *addr,
						   unsigned long size,
						   unsigned long off)
{
	for (; off < size; off++)
		if (!hvn_test_bit(off, addr))
			return off;
	return size;
}

#endif /* __KERNEL__ */

/* Ethernet header length (no VLAN tag) */
#define HVN_ETH_HLEN		14

#endif /* _HVN_TYPES_H */
