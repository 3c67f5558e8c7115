#pragma once
// Result<T>: the value of an operation whose failure is expected (validation, rule violations,
// illegal workflow transitions, bad import rows). Failures to perform (I/O) are exceptions.

#include <string>
#include <utility>
#include <variant>

namespace lingyan::core {

// Error codes are stable strings; src/http maps them to statuses in one table
// (http/error_map.cpp). When adding a code here, add its status there too.
namespace errc {
inline constexpr const char* kInvalid = "invalid";          // bad field value → 400/422
inline constexpr const char* kNotFound = "not_found";       // → 404
inline constexpr const char* kForbidden = "forbidden";      // outside scope → 403
inline constexpr const char* kConflict = "conflict";        // duplicate, state clash → 409
inline constexpr const char* kUnauthorized = "unauthorized";// → 401
inline constexpr const char* kRateLimited = "rate_limited"; // → 429
inline constexpr const char* kTooLarge = "too_large";       // → 413
}  // namespace errc

struct Error {
    std::string code;     // one of errc
    std::string message;  // human-readable, Chinese first for user-facing errors
    std::string field;    // offending field or "file:line", may be empty
};

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::move(value)) {}          // NOLINT(google-explicit-constructor)
    Result(Error error) : v_(std::move(error)) {}      // NOLINT(google-explicit-constructor)

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<0>(v_); }
    T& value() & { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }
    const Error& error() const { return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

struct Unit_ {};  // the value of a Result that carries none
using Status = Result<Unit_>;
inline Status Ok() { return Unit_{}; }

// The error constructors; every layer uses these instead of spelling an Error by hand.
inline Error Invalid(std::string message, std::string field = {}) {
    return Error{errc::kInvalid, std::move(message), std::move(field)};
}

// One wording rule for "not found": a record that does not exist and one outside the caller's
// scope answer the same words, so that an answer never tells them apart. `what` names the kind
// of record ("考核活动", "党员"), never the record itself.
inline Error NotFound(const std::string& what, std::string field = {}) {
    return Error{errc::kNotFound, what + "不存在或不在您的管辖范围内", std::move(field)};
}

inline Error Forbidden(std::string message, std::string field = {}) {
    return Error{errc::kForbidden, std::move(message), std::move(field)};
}

// The caller's role may not perform the operation at all (whatever the scope).
inline Error RoleForbidden() { return Forbidden("您的角色无权进行此操作"); }

inline Error Conflict(std::string message, std::string field = {}) {
    return Error{errc::kConflict, std::move(message), std::move(field)};
}

}  // namespace lingyan::core
