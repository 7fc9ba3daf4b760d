#include "Migrations.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace Storage::Migrations {

namespace {

QList<Migration> load(const QString &folder)
{
    QList<Migration> list;
    const QDir dir(folder);
    const QStringList files = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_(.+)\\.sql$"));
    for (const QString &file : files) {
        const auto match = pattern.match(file);
        if (!match.hasMatch())
            continue;
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        list.append({match.captured(1).toInt(), match.captured(2), QString::fromUtf8(f.readAll())});
    }
    return list;
}

} // namespace

const QList<Migration> &all(Engine engine)
{
    static const QList<Migration> sqlite = load(QStringLiteral(":/storage/migrations/sqlite"));
    static const QList<Migration> postgres = load(QStringLiteral(":/storage/migrations/postgres"));
    return engine == Engine::Postgres ? postgres : sqlite;
}

int latestVersion(Engine engine)
{
    return all(engine).isEmpty() ? 0 : all(engine).last().version;
}

QStringList statements(const QString &sql)
{
    QStringList out;
    QString current;
    bool inQuote = false;
    bool inDollar = false; // a PostgreSQL $$ … $$ body: its semicolons belong to it
    const QStringList lines = sql.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        QString kept;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const QChar c = line.at(i);
            if (!inQuote && c == QLatin1Char('$') && i + 1 < line.size() && line.at(i + 1) == QLatin1Char('$'))
                inDollar = !inDollar;
            if (!inDollar && c == QLatin1Char('\''))
                inQuote = !inQuote;
            if (!inQuote && !inDollar && c == QLatin1Char('-') && i + 1 < line.size() &&
                line.at(i + 1) == QLatin1Char('-'))
                break; // comment to end of line
            kept += c;
        }
        current += kept + QLatin1Char('\n');
        if (!inQuote && !inDollar && kept.trimmed().endsWith(QLatin1Char(';'))) {
            const QString statement = current.trimmed();
            if (statement.size() > 1)
                out.append(statement.chopped(1));
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        out.append(current.trimmed());
    return out;
}

} // namespace Storage::Migrations
