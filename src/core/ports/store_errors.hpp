#pragma once
// The one storage failure that callers treat apart from the rest: the database cannot serve right
// now (connection to PostgreSQL lost and not yet back, disk full, database busy). Storage adapters
// throw it; the HTTP server answers 503 with its message and Retry-After, so that clients and a
// load balancer retry instead of seeing a 500. Nothing was written by the failed call, except that
// a commit interrupted by a lost connection may or may not have been applied (the message says so).

#include <stdexcept>

namespace lingyan::core::ports {

class StoreUnavailable : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace lingyan::core::ports
