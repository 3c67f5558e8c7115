#pragma once
// Whole-file reading for the importers and batch commands.

#include <stdexcept>
#include <string>

namespace lingyan::exchange {

// Thrown when a file cannot be opened or read; what() names the path and the reason.
class FileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Reads the whole file into memory. Throws FileError.
std::string ReadFile(const std::string& path);

}  // namespace lingyan::exchange
