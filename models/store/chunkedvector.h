// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <memory>
#include <vector>

// A growable array of fixed-size chunks: elements never move, so growing to a million tasks
// never copies the ones already stored (a std::vector would stall the GUI thread while it
// reallocates), and references stay valid.
template<typename T, size_t ChunkSize = 1024>
class ChunkedVector
{
public:
    size_t size() const { return m_size; }

    T &operator[](size_t index) { return m_chunks[index / ChunkSize][index % ChunkSize]; }
    const T &operator[](size_t index) const
    {
        return m_chunks[index / ChunkSize][index % ChunkSize];
    }

    T &emplaceBack()
    {
        if (m_size == m_chunks.size() * ChunkSize)
            m_chunks.push_back(std::make_unique<T[]>(ChunkSize));
        return (*this)[m_size++];
    }

    size_t capacityBytes() const { return m_chunks.size() * ChunkSize * sizeof(T); }

private:
    std::vector<std::unique_ptr<T[]>> m_chunks;
    size_t m_size = 0;
};
