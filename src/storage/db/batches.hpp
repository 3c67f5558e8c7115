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

// "(?, …, ?), (?, …, ?), …": `rows` rows of `columns` placeholders each, for a multi-row INSERT.
inline std::string ValuesRows(std::size_t rows, std::size_t columns) {
    std::string row = "(";
    for (std::size_t c = 0; c < columns; ++c) row += c == 0 ? "?" : ", ?";
    row += ")";
    std::string out;
    out.reserve(rows * (row.size() + 2));
    for (std::size_t r = 0; r < rows; ++r) out += (r == 0 ? "" : ", ") + row;
    return out;
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

// ForEachBatch for statements that a repeated item leaves unchanged (`WHERE id IN (…)`): each batch's
// list is padded to 1, 8, 64 or `size` items by repeating its last one, so that the statement comes
// in four lengths, not one per list length (PostgreSQL prepares each text once per connection).
template <class T, class F>
void ForEachPaddedBatch(const std::vector<T>& items, std::size_t size, F&& fn) {
    for (std::size_t start = 0; start < items.size(); start += size) {
        std::vector<T> batch(items.begin() + static_cast<std::ptrdiff_t>(start),
                             items.begin() + static_cast<std::ptrdiff_t>(std::min(items.size(), start + size)));
        std::size_t padded = 1;
        while (padded < batch.size()) padded *= 8;
        const T last = batch.back();
        batch.resize(std::min(padded, size), last);
        std::vector<SqlValue> values;
        std::string in = InList(batch, values);
        fn(std::move(in), std::move(values));
    }
}

}  // namespace lingyan::storage
