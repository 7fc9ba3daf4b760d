#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace Core {

// What went wrong, as a value: services return errors, they never show dialogs.
struct Error
{
    enum class Code {
        Invalid,    // the input breaks a rule (a missing name, a bad email); `field` names it
        Conflict,   // a uniqueness rule (email already used, member number taken)
        NotFound,   // no such member
        Busy,       // the database stayed locked past the busy timeout
        Storage,    // SQLite or the file system failed
        NotCarnet,  // the file is not a Carnet database
        Corrupt,    // the file is damaged
        ReadOnly,   // the file or its folder cannot be written
        TooNew,     // the file was written by a newer Carnet
        Cancelled,  // the user stopped the job; nothing was changed
        Connection, // the database server cannot be reached or refused us (host, password, certificate)
        Forbidden,  // the volunteer's role or sections do not allow it (refused by the server, or before asking it)
        Stale,      // the member was changed by someone else since it was read (its version moved on)
    };

    Code code = Code::Invalid;
    QString message; // translated, for the user
    QString field;   // the member JSON key concerned, when there is one
    QString detail;  // technical detail (driver text), not translated

    static Error make(Code code, QString message, QString field = {}, QString detail = {})
    {
        return Error{code, std::move(message), std::move(field), std::move(detail)};
    }
};

// A value or an Error. Deliberately small: ok(), value(), error().
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    // By value: `for (auto &x : f().value())` must not dangle once the temporary Result is gone.
    T value() && { return std::get<T>(std::move(m_state)); }
    const Error &error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// Result<void>: success or an Error.
template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace Core
