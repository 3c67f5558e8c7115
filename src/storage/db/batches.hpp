#pragma once
// Statements over a list of values in batches: `... IN (?, ?, …)` with at most `size` parameters of
// the list each (one round trip per batch on PostgreSQL, well below both backends' parameter limits).

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "storage/db/sql_db.hpp"

namespace lingyan::storage {

// Calls fn(in, values) per batch of `items`: `in` is "(?, ?, …)" for the batch, `values` its items.
template <class T, class F>
void ForEachBatch(const std::vector<T>& items, std::size_t size, F&& fn) {
    for (std::size_t start = 0; start < items.size(); start += size) {
        const std::size_t end = std::min(items.size(), start + size);
        std::string in = "(";
        std::vector<SqlValue> values;
        for (std::size_t i = start; i < end; ++i) {
            in += i == start ? "?" : ", ?";
            values.emplace_back(items[i]);
        }
        fn(in + ")", std::move(values));
    }
}

}  // namespace lingyan::storage
