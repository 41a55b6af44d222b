// SPDX-License-Identifier: GPL-3.0-or-later
// Arrays of a million rows on transparent huge pages, where the kernel gives them on request
// (/sys/kernel/mm/transparent_hugepage/enabled = madvise, Debian's and Ubuntu's default): the process forest of 1M
// processes fills 300 MB of rows and some 90 MB of indexes, all new memory, and on a virtual machine faulting them
// in by 4 KB pages cost more than the work (writing 300 MB just allocated: 0.85-0.93 s; on huge pages 0.58 s the
// first time, 0.07 s the second). Elsewhere a hint without effect. Internal to flightdeck_core. Thread: any.
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <vector>

namespace Deck::Core {

constexpr std::size_t kHugePage = std::size_t(2) << 20;

// Asks for huge pages over the whole 2 MB pages inside [data, data + bytes), before they are first written.
inline void adviseHugePages(const void *data, std::size_t bytes)
{
    const auto begin = (reinterpret_cast<std::uintptr_t>(data) + kHugePage - 1) / kHugePage * kHugePage;
    const auto end = (reinterpret_cast<std::uintptr_t>(data) + bytes) / kHugePage * kHugePage;
    if (end > begin)
        madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
}

// std::vector's allocator: blocks of at least a huge page are aligned to it and advised.
template <typename T> struct HugePageAllocator
{
    using value_type = T;
    HugePageAllocator() = default;
    template <typename U> HugePageAllocator(const HugePageAllocator<U> &) { }

    T *allocate(std::size_t n)
    {
        const std::size_t bytes = n * sizeof(T);
        if (bytes < kHugePage)
            return static_cast<T *>(::operator new(bytes));
        void *data = std::aligned_alloc(kHugePage, (bytes + kHugePage - 1) / kHugePage * kHugePage);
        if (!data)
            throw std::bad_alloc();
        adviseHugePages(data, bytes);
        return static_cast<T *>(data);
    }
    void deallocate(T *data, std::size_t n)
    {
        if (n * sizeof(T) < kHugePage)
            ::operator delete(data);
        else
            std::free(data);
    }
    template <typename U> bool operator==(const HugePageAllocator<U> &) const { return true; }
};

template <typename T> using HugeVector = std::vector<T, HugePageAllocator<T>>;

} // namespace Deck::Core
