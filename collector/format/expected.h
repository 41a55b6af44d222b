// SPDX-License-Identifier: GPL-3.0-or-later
// Errors as values. Every library API that can fail returns Expected<T>; nothing throws through the project's code.
#pragma once

#include <QString>
#include <optional>
#include <utility>
#include <variant>

namespace Flight {

// One sentence a person can act on: it names the object (file, host, line, key) and the reason.
// `code` carries a library-specific reason (for example Flight::Format::Reason) so callers and tests can branch on
// it without parsing text; 0 means unspecified.
struct Error
{
    QString message;
    int code = 0;
};

namespace Detail {
// What error() returns when there is none: an empty message, so a test can name the error unconditionally
// (QVERIFY2 evaluates its message even when the check passes).
inline const Error kNoError{};
} // namespace Detail

template <typename T> class [[nodiscard]] Expected
{
public:
    Expected(T value)
        : m_state(std::in_place_index<0>, std::move(value))
    {
    }
    Expected(Error error)
        : m_state(std::in_place_index<1>, std::move(error))
    {
    }

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_state); }
    const T &value() const & { return std::get<0>(m_state); }
    T &&value() && { return std::get<0>(std::move(m_state)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const { return ok() ? Detail::kNoError : std::get<1>(m_state); }

private:
    std::variant<T, Error> m_state;
};

template <> class [[nodiscard]] Expected<void>
{
public:
    Expected() = default;
    Expected(Error error)
        : m_error(std::move(error))
    {
    }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error ? *m_error : Detail::kNoError; }

private:
    std::optional<Error> m_error;
};

} // namespace Flight
