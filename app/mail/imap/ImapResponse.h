#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Imap {

// One value of an IMAP response (RFC 9051 / 3501 formal syntax): an atom or number, a string (quoted
// or literal, as bytes), NIL, or a parenthesised list.
struct Value
{
    enum class Type { Atom, String, Nil, List };
    Type type = Type::Nil;
    QByteArray bytes; // Atom and String
    QList<Value> list;

    bool isAtom(QByteArrayView name) const
    {
        return type == Type::Atom && bytes.compare(name, Qt::CaseInsensitive) == 0;
    }
    bool isList() const { return type == Type::List; }
    bool isString() const { return type == Type::String || type == Type::Atom; } // astring
    quint64 number(bool *ok = nullptr) const;
};

// A whole response: "* …" (untagged), "+ …" (continuation) or "TAG OK|NO|BAD …".
struct Response
{
    enum class Kind { Untagged, Continuation, Tagged };
    Kind kind = Kind::Untagged;
    QByteArray tag;

    // Status responses (tagged, or untagged OK/NO/BAD/PREAUTH/BYE).
    QByteArray status;          // "OK", "NO", "BAD", "PREAUTH", "BYE", upper-case; empty for data
    QByteArray code;            // "UIDVALIDITY", "CAPABILITY", "COPYUID", … inside [ ], upper-case
    QList<Value> codeArguments; // what follows the code inside [ ]
    QString text;               // the human-readable rest (UTF-8, or Latin-1 when it is not)

    // Data responses: "* 23 EXISTS" → number 23, name "EXISTS"; "* CAPABILITY …" → name "CAPABILITY".
    quint64 number = 0;
    bool hasNumber = false;
    QByteArray name;     // upper-case
    QList<Value> values; // everything after the name
};

// Turns the server's bytes into responses as they arrive, split anywhere across packets: literals
// {n} (their n bytes taken as they are, CRLF and all), quoted strings with \" and \\, NIL,
// nested lists. Bounded: a line without a literal is at most kMaxLine bytes, a literal at most
// kMaxLiteral, lists nest at most kMaxDepth deep; beyond, the parser reports an error and stops.
class ResponseParser
{
public:
    static constexpr qsizetype kMaxLine = 1024 * 1024;
    static constexpr qsizetype kMaxLiteral = 64 * 1024 * 1024;
    static constexpr int kMaxDepth = 64;

    void feed(const QByteArray &bytes);
    bool hasResponse() const { return !m_ready.isEmpty(); }
    Response take() { return m_ready.takeFirst(); }
    bool hasError() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }

private:
    void parseAvailable();
    bool parseResponse(const QByteArray &raw, Response *out);

    QByteArray m_buffer;
    qsizetype m_scanned = 0;      // how far m_buffer has been searched for the end of the response
    qsizetype m_segmentStart = 0; // where the text after the last literal begins
    qsizetype m_literalLeft = 0;
    QList<Response> m_ready;
    QString m_error;
};

// RFC 3501 §5.1.3 modified UTF-7 for mailbox names: "Carnet/Traités" ↔ "Carnet/Trait&AOk-s".
QByteArray encodeMailboxName(const QString &name);
QString decodeMailboxName(const QByteArray &encoded);
// A quoted string, or a literal when the text cannot be quoted (CR, LF, 8-bit without UTF8=ACCEPT).
QByteArray quoted(const QByteArray &text);

} // namespace Imap
