#pragma once
// ReadRow: the columns of a result row, in order, into the fields of a record — one call per record
// instead of one line per column. A column reads into std::int64_t, int, double, std::string, bool
// (non-zero) or std::optional of one of them (NULL → nullopt); `Skip{}` passes a column over;
// `Named(field, FromName, fallback)` reads an enum stored by its name. Other conversions read into a
// local and convert after. RowAs<T>(row) reads a whole aggregate, its fields in declaration order
// (Boost.PFR), when the query selects exactly those columns. RowsWith / FirstRowWith map a whole
// result through a row reader; ReturnedId reads the id an INSERT … RETURNING id gave back.

#include <boost/pfr.hpp>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "storage/db/sql_db.hpp"

namespace lingyan::storage {

struct Skip {};

template <class T, class Parse>
struct NamedColumn {
    T& out;
    Parse parse;
    T fallback;
};

// An enum column stored by name: parse(text) returns std::optional<T>; unknown names read as fallback.
template <class T, class Parse>
NamedColumn<T, Parse> Named(T& out, Parse parse, T fallback) {
    return {out, parse, fallback};
}

namespace detail {
inline void ReadColumn(const std::optional<std::string>& v, std::int64_t& out) { out = AsInt(v); }
inline void ReadColumn(const std::optional<std::string>& v, int& out) { out = static_cast<int>(AsInt(v)); }
inline void ReadColumn(const std::optional<std::string>& v, double& out) { out = AsDouble(v); }
inline void ReadColumn(const std::optional<std::string>& v, std::string& out) { out = AsText(v); }
inline void ReadColumn(const std::optional<std::string>& v, bool& out) { out = AsInt(v) != 0; }
inline void ReadColumn(const std::optional<std::string>&, const Skip&) {}
template <class T, class Parse>
void ReadColumn(const std::optional<std::string>& v, const NamedColumn<T, Parse>& c) {
    c.out = c.parse(AsText(v)).value_or(c.fallback);
}
template <class T>
void ReadColumn(const std::optional<std::string>& v, std::optional<T>& out) {
    if (!v) {
        out.reset();
        return;
    }
    T value{};
    ReadColumn(v, value);
    out = std::move(value);
}

template <class F>
constexpr bool kReadable = std::is_lvalue_reference_v<F> || std::is_same_v<std::remove_cvref_t<F>, Skip> || requires {
    &std::remove_cvref_t<F>::parse;
};
}  // namespace detail

// Reads row[first], row[first + 1], … into fields; throws StoreError when the row is too short.
template <class... Fields>
void ReadRowFrom(const SqlRow& row, std::size_t first, Fields&&... fields) {
    static_assert((detail::kReadable<Fields> && ...), "ReadRow writes into fields: pass lvalues, Skip{} or Named()");
    if (row.size() < first + sizeof...(Fields)) throw StoreError("a result row has fewer columns than read");
    std::size_t i = first;
    (detail::ReadColumn(row[i++], fields), ...);
}

template <class... Fields>
void ReadRow(const SqlRow& row, Fields&&... fields) {
    ReadRowFrom(row, 0, std::forward<Fields>(fields)...);
}

// A whole aggregate from a row whose columns are its fields in declaration order.
template <class T>
T RowAs(const SqlRow& row) {
    if (row.size() != boost::pfr::tuple_size_v<T>) throw StoreError("a result row does not match its record");
    T out{};
    std::size_t i = 0;
    boost::pfr::for_each_field(out, [&](auto& field) { detail::ReadColumn(row[i++], field); });
    return out;
}

// Every row of a result through `from_row` (a function SqlRow → record).
template <class F>
auto RowsWith(const std::vector<SqlRow>& rows, F&& from_row) {
    std::vector<std::decay_t<std::invoke_result_t<F&, const SqlRow&>>> out;
    out.reserve(rows.size());
    for (const auto& row : rows) out.push_back(from_row(row));
    return out;
}

// Every row of a result as a record (RowAs).
template <class T>
std::vector<T> RowsAs(const std::vector<SqlRow>& rows) {
    return RowsWith(rows, RowAs<T>);
}

// The first row of a result through `from_row`, or nullopt when there is none (a lookup by key).
template <class F>
auto FirstRowWith(const std::vector<SqlRow>& rows, F&& from_row)
    -> std::optional<std::decay_t<std::invoke_result_t<F&, const SqlRow&>>> {
    if (rows.empty()) return std::nullopt;
    return from_row(rows.front());
}

// The first row of a result as a record (RowAs), or nullopt when there is none.
template <class T>
std::optional<T> FirstRowAs(const std::vector<SqlRow>& rows) {
    return FirstRowWith(rows, RowAs<T>);
}

// The id of the row an `INSERT … RETURNING id` added.
inline std::int64_t ReturnedId(const std::vector<SqlRow>& rows) { return AsInt(rows.at(0)[0]); }

}  // namespace lingyan::storage
