#include "Engine.h"

#include <QCoreApplication>
#include <QDir>
#include <QHash>

#include <QHostAddress>
#include <QUrl>
#include <QUrlQuery>
#include <algorithm>

#include <utility>

using Core::Error;
using Core::Result;

namespace Storage {

namespace {

Error badUrl(const QString &why)
{
    return Error::make(
        Error::Code::Invalid,
        QCoreApplication::translate("Storage::Location", "The server address is not usable: %1").arg(why));
}

// A libpq conninfo value: quoted when it holds anything but plain characters.
QString conninfoValue(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

} // namespace

bool Location::isUrl(const QString &text)
{
    return text.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive) ||
           text.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

Result<Location> Location::parse(const QString &text)
{
    Location l;
    if (!isUrl(text)) {
        l.engine = Engine::Sqlite;
        l.file = text;
        l.text = text;
        return l;
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return badUrl(url.errorString());
    l.engine = Engine::Postgres;
    l.host = url.host();
    l.port = url.port(5432);
    l.user = url.userName();
    l.password = url.password();
    l.database = url.path().mid(1);
    if (l.database.isEmpty() || l.database.contains(QLatin1Char('/')))
        return badUrl(QCoreApplication::translate(
            "Storage::Location", "it must end with the database name (postgresql://USER@HOST/DATABASE)."));
    const QUrlQuery query(url);
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (key == QLatin1String("sslmode"))
            l.sslMode = value;
        else if (key == QLatin1String("sslrootcert"))
            l.sslRootCert = value;
        else if (key == QLatin1String("host"))
            l.host = value; // a socket folder
        else if (key == QLatin1String("port"))
            l.port = value.toInt();
        else if (key == QLatin1String("user"))
            l.user = value;
        else
            return badUrl(
                QCoreApplication::translate("Storage::Location", "unknown setting \"%1\".").arg(key.left(40)));
    }
    static const QStringList modes = {QStringLiteral("disable"),   QStringLiteral("allow"),
                                      QStringLiteral("prefer"),    QStringLiteral("require"),
                                      QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
    if (!l.sslMode.isEmpty() && !modes.contains(l.sslMode))
        return badUrl(QCoreApplication::translate("Storage::Location", "sslmode is one of %1.")
                          .arg(modes.join(QStringLiteral(", "))));
    if (l.port <= 0 || l.port > 65535)
        return badUrl(QCoreApplication::translate("Storage::Location", "the port is a number from 1 to 65535."));
    // Another computer: the certificate is checked against the host name unless the address says otherwise,
    // and never in clear.
    if (l.sslMode.isEmpty())
        l.sslMode = l.isLocalHost() ? QStringLiteral("prefer") : QStringLiteral("verify-full");
    if (!l.isLocalHost() && (l.sslMode == QLatin1String("disable") || l.sslMode == QLatin1String("allow") ||
                             l.sslMode == QLatin1String("prefer")))
        return badUrl(QCoreApplication::translate(
                          "Storage::Location",
                          "a member file on another computer is reached only encrypted (sslmode=require, verify-ca "
                          "or verify-full); \"%1\" would let names and addresses cross the network in clear.")
                          .arg(l.sslMode));
    l.given = text;
    QUrl shown = url;
    shown.setPassword({});
    l.text = shown.toString();
    return l;
}

bool Location::isLocalHost() const
{
    if (host.isEmpty() || host.startsWith(QLatin1Char('/')) || host == QLatin1String("localhost"))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString Location::display() const
{
    if (engine == Engine::Sqlite)
        return QDir::toNativeSeparators(file);
    QString where = host.isEmpty() ? QStringLiteral("localhost") : host;
    if (port != 5432 && !host.startsWith(QLatin1Char('/')))
        where += QLatin1Char(':') + QString::number(port);
    return (user.isEmpty() ? QString() : user + QLatin1Char('@')) + where + QLatin1Char('/') + database;
}

QString Location::connectOptions() const
{
    QStringList options;
    if (!sslMode.isEmpty())
        options.append(QStringLiteral("sslmode=") + conninfoValue(sslMode));
    if (!sslRootCert.isEmpty())
        options.append(QStringLiteral("sslrootcert=") + conninfoValue(sslRootCert));
    options.append(QStringLiteral("connect_timeout=10"));
    options.append(QStringLiteral("application_name=carnet"));
    // A dropped network is noticed in about a minute rather than the system's two hours.
    options.append(QStringLiteral("keepalives_idle=20"));
    options.append(QStringLiteral("keepalives_interval=10"));
    options.append(QStringLiteral("keepalives_count=3"));
    return options.join(QLatin1Char(';'));
}

namespace Sql {

QString attemptsSince(Engine engine)
{
    return engine == Engine::Postgres
               ? QStringLiteral("SELECT carnet_attempts_since(?)")
               : QStringLiteral("SELECT count(*) FROM deliveries WHERE sent_at IS NOT NULL AND sent_at > ?");
}

QString orderNoCase(Engine engine, const QString &column)
{
    return engine == Engine::Sqlite ? column + QStringLiteral(" COLLATE NOCASE")
                                    : QStringLiteral("lower(%1)").arg(column);
}

QString equalsNoCase(Engine engine, const QString &column)
{
    return engine == Engine::Sqlite ? column + QStringLiteral(" = ? COLLATE NOCASE")
                                    : QStringLiteral("lower(%1) = lower(?)").arg(column);
}

QString likeNoCase(Engine engine, const QString &column)
{
    // SQLite's LIKE ignores the case of ASCII letters only; PostgreSQL's ILIKE that of every letter.
    return column +
           (engine == Engine::Sqlite ? QStringLiteral(" LIKE ? ESCAPE '\\'") : QStringLiteral(" ILIKE ? ESCAPE '\\'"));
}

QString foldedSearchText(Engine engine)
{
    return engine == Engine::Sqlite
               ? QStringLiteral("first_name, last_name, email, member_number, city, postal_code")
               : QStringLiteral("concat_ws(' ', first_name, last_name, email, member_number, city, postal_code)");
}

QString containsFolded(Engine engine, const QString &text)
{
    return engine == Engine::Sqlite ? QStringLiteral("carnet_contains(?, %1)").arg(text)
                                    : QStringLiteral("%1 ~* ?").arg(text);
}

QString foldedPattern(Engine engine, const QString &folded)
{
    if (engine == Engine::Sqlite)
        return folded;
    // Each letter of the folded text matches itself and its accented forms, in both cases (a database whose
    // character type is C folds the case of ASCII letters only); "oe", "ae" and "ss" match their ligature too.
    // Anything else is matched as it is. A regular expression is about as fast as ILIKE on the server, where
    // translate() over a million members took five seconds.
    static const QHash<QChar, QString> accented = {{u'a', QString::fromUtf8("aàâäáãåAÀÂÄÁÃÅæÆ")},
                                                   {u'c', QString::fromUtf8("cçCÇ")},
                                                   {u'e', QString::fromUtf8("eéèêëEÉÈÊËœŒæÆ")},
                                                   {u'i', QString::fromUtf8("iîïíìIÎÏÍÌ")},
                                                   {u'n', QString::fromUtf8("nñNÑ")},
                                                   {u'o', QString::fromUtf8("oôöóòõøOÔÖÓÒÕØœŒ")},
                                                   {u'u', QString::fromUtf8("uùûüúUÙÛÜÚ")},
                                                   {u'y', QString::fromUtf8("yÿýYŸÝ")},
                                                   {u's', QString::fromUtf8("sSß")}};
    static const QList<std::pair<QString, QString>> ligatures = {{QStringLiteral("oe"), QString::fromUtf8("œŒ")},
                                                                 {QStringLiteral("ae"), QString::fromUtf8("æÆ")},
                                                                 {QStringLiteral("ss"), QString::fromUtf8("ß")}};
    auto letter = [](QChar c) -> QString {
        if (const auto forms = accented.constFind(c); forms != accented.cend())
            return QLatin1Char('[') + *forms + QLatin1Char(']');
        if (c.isLetterOrNumber() || c == QLatin1Char(' '))
            return QString(c);
        return QLatin1Char('\\') + QString(c); // punctuation, taken literally
    };
    QString out;
    for (qsizetype i = 0; i < folded.size(); ++i) {
        const auto ligature = std::find_if(ligatures.cbegin(), ligatures.cend(),
                                           [&](const auto &l) { return QStringView(folded).mid(i, 2) == l.first; });
        if (ligature != ligatures.cend()) { // "zoé" and "œuvre" both hold "oe"
            out +=
                QStringLiteral("(?:%1%2|[%3])").arg(letter(folded.at(i)), letter(folded.at(i + 1)), ligature->second);
            ++i;
            continue;
        }
        out += letter(folded.at(i));
    }
    return out;
}

QString idsFromJson(Engine engine)
{
    return engine == Engine::Sqlite ? QStringLiteral("SELECT value FROM json_each(?)")
                                    : QStringLiteral("SELECT jsonb_array_elements_text(CAST(? AS jsonb))::bigint");
}

QString jsonText(Engine engine, const QString &column)
{
    return engine == Engine::Sqlite ? QStringLiteral("json_extract(%1, ?)").arg(column)
                                    : QStringLiteral("(CAST(%1 AS jsonb) ->> CAST(? AS text))").arg(column);
}

QString jsonPath(Engine engine, const QString &key)
{
    return engine == Engine::Sqlite ? QStringLiteral("$.\"%1\"").arg(key) : key;
}

QString jsonEachKey(Engine engine, const QString &column)
{
    return engine == Engine::Sqlite ? QStringLiteral("json_each(%1) AS j").arg(column)
                                    : QStringLiteral("jsonb_each_text(CAST(%1 AS jsonb)) AS j").arg(column);
}

QString joinText(Engine engine, const QString &column, const QString &separator)
{
    return QStringLiteral("%1(%2, '%3')")
        .arg(engine == Engine::Sqlite ? QStringLiteral("group_concat") : QStringLiteral("string_agg"), column,
             separator);
}

} // namespace Sql

} // namespace Storage
