#pragma once

#include "core/Result.h"

#include <QString>

namespace Storage {

// The two storage engines behind one set of services. Everything that differs between them — the
// connection, the DDL (migrations per engine), the few SQL spellings below, bulk loading, erasure's
// clean-up — is decided here and in Database, never by `if (postgres)` in a service.
enum class Engine { Sqlite, Postgres };

// Where the member file is: a local SQLite file, or a PostgreSQL database given as a libpq URL
// postgresql://USER@HOST[:PORT]/DBNAME[?sslmode=…&sslrootcert=…&host=/socket/dir].
struct Location
{
    Engine engine = Engine::Sqlite;
    QString text; // as given (the file path, or the URL without any password)
    QString file; // SQLite: the path
    QString host; // PostgreSQL: name, address, or a socket folder (empty: libpq's default socket)
    int port = 5432;
    QString database;
    QString user;
    QString password; // only when the URL carried one; never displayed nor stored
    QString given;    // the URL as given, its password included: for this process's further connections only
    QString sslMode;  // disable | prefer | require | verify-ca | verify-full
    QString sslRootCert;

    static bool isUrl(const QString &text);
    // Parses a path or a URL. A URL that asks for no encryption to another computer is refused.
    static Core::Result<Location> parse(const QString &text);
    bool isServer() const { return engine == Engine::Postgres; }
    bool isLocalHost() const; // a socket, localhost or a loopback address
    // For title bars and messages: the path, or user@host/database.
    QString display() const;
    // libpq keywords for QPSQL's connect options (key=value;…).
    QString connectOptions() const;
};

// SQL spelled differently by the two engines. Every function returns a fragment for a prepared
// statement whose bindings are the same on both.
namespace Sql {
// A case-insensitive ordering key for a text column (ORDER BY, GROUP BY).
QString orderNoCase(Engine engine, const QString &column);
// Case-insensitive equality of `column` with one bound value.
QString equalsNoCase(Engine engine, const QString &column);
// A case-insensitive LIKE with '\' as the escape character.
QString likeNoCase(Engine engine, const QString &column);
// A report's free text over a member's names, email, number, city and postal code, folded as the search
// box folds (case, accents, ligatures). foldedSearchText() is the member's side: on SQLite the columns given
// to carnet_contains() (see SqlFunctions.h), on PostgreSQL the columns joined. containsFolded() holds one
// bound value, foldedPattern() of the folded text typed: itself on SQLite, on PostgreSQL a case-insensitive
// regular expression matching each letter's accented forms.
QString foldedSearchText(Engine engine);
QString containsFolded(Engine engine, const QString &text);
QString foldedPattern(Engine engine, const QString &folded);
// A sub-select of the integers in one bound JSON array ("[1,2,3]"): `id IN (…)`.
QString idsFromJson(Engine engine);
// The text of one key of the JSON object in `column`; binds the key path from jsonPath().
QString jsonText(Engine engine, const QString &column);
QString jsonPath(Engine engine, const QString &key);
// The (key, value-as-text) rows of the JSON object in `column`, as a table expression aliased `j`.
QString jsonEachKey(Engine engine, const QString &column);
// How many messages were tried since one bound time (every sender's, whatever rows the caller sees).
QString attemptsSince(Engine engine);
// The aggregate joining the texts of `column` with a literal separator (SQLite 3.40 has no string_agg).
QString joinText(Engine engine, const QString &column, const QString &separator);
} // namespace Sql

} // namespace Storage
