#pragma once
// Statements over a list of values in batches: `... IN (?, ?, …)` with at most `size` parameters of
// the list each (one round trip per batch on PostgreSQL, well below both backends' parameter limits).

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "storage/db/sql_db.hpp"

namespace lingyan::storage {

// "(?, ?, …)" for items[first, last), their values appended to `params` (last = npos: to the end).
template <class T>
std::string InList(const std::vector<T>& items, std::vector<SqlValue>& params, std::size_t first = 0,
                   std::size_t last = std::string::npos) {
    last = std::min(last, items.size());
    std::string in = "(";
    for (std::size_t i = first; i < last; ++i) {
        in += i == first ? "?" : ", ?";
        params.emplace_back(items[i]);
    }
    return in + ")";
}

// Calls fn(in, values) per batch of `items`: `in` is "(?, ?, …)" for the batch, `values` its items.
template <class T, class F>
void ForEachBatch(const std::vector<T>& items, std::size_t size, F&& fn) {
    for (std::size_t start = 0; start < items.size(); start += size) {
        std::vector<SqlValue> values;
        std::string in = InList(items, values, start, start + size);
        fn(std::move(in), std::move(values));
    }
}

}  // namespace lingyan::storage
