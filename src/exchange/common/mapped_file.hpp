#pragma once
// A read-only memory mapping of a whole file, for the batch commands that scan large CSV files
// (points tally). Move-only; the mapping lives as long as the object. Reading the bytes from
// several threads is safe; Release() must not race with readers of the released range.

#include <cstddef>
#include <string>
#include <string_view>

#include "exchange/common/file_io.hpp"

namespace lingyan::exchange {

class MappedFile {
public:
    // Maps `path` read-only. Throws FileError naming the path when it cannot be opened or mapped.
    // An empty file maps to an empty view.
    explicit MappedFile(const std::string& path);
    ~MappedFile();
    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&& other) noexcept;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    std::string_view view() const { return {data_, size_}; }
    const std::string& path() const { return path_; }

    // Hints that the bytes will be read front to back (read-ahead).
    void AdviseSequential() const;
    // Drops the pages of [offset, offset + length) from this process's resident set once they are
    // scanned, so peak memory does not grow with the file (the page cache keeps them). Page-aligned
    // inward; a no-op for ranges smaller than a page.
    void Release(std::size_t offset, std::size_t length) const;

private:
    std::string path_;
    const char* data_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace lingyan::exchange
