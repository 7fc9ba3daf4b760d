#pragma once

#include "AppContext.h"
#include "FixedClock.h"

#include <QTemporaryDir>

#include <memory>

// A real SQLite file in a temporary folder, opened through AppContext with a fixed clock and
// throw-away settings. Each instance has its own file and its own connection names. In a test run
// against the PostgreSQL server (TestServer::enabled()), a new empty database on it instead: path() is
// then its postgresql:// URL, and the same test bodies run on both engines.
class TempDatabase
{
public:
    TempDatabase();
    ~TempDatabase();

    bool ok() const { return m_context != nullptr; }
    QString errorMessage() const { return m_error; }
    AppContext &context() { return *m_context; }
    Storage::MemberRepository &members() { return m_context->members(); }
    FixedClock &clock() { return *m_clock; }
    QString path() const { return m_path; } // the file, or the server database's URL
    bool isServer() const { return !m_url.isEmpty(); }
    QString dir() const { return m_dir.path(); }

    // Closes and reopens the same file (to test what persists).
    bool reopen();

    // Adds a member with sensible defaults; fails the calling test when it cannot.
    Core::Member add(const QString &first, const QString &last, const QString &email, const QString &section = {},
                     const QString &category = {});

private:
    QTemporaryDir m_dir;
    QString m_path;
    QString m_url;
    FixedClock *m_clock = nullptr;
    std::unique_ptr<AppContext> m_context;
    QString m_error;
};
