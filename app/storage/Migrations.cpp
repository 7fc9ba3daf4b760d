#include "Migrations.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace Storage::Migrations {

const QList<Migration> &all()
{
    static const QList<Migration> migrations = [] {
        QList<Migration> list;
        const QDir dir(QStringLiteral(":/storage/migrations"));
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
    }();
    return migrations;
}

int latestVersion()
{
    return all().isEmpty() ? 0 : all().last().version;
}

QStringList statements(const QString &sql)
{
    QStringList out;
    QString current;
    bool inQuote = false;
    const QStringList lines = sql.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        QString kept;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const QChar c = line.at(i);
            if (c == QLatin1Char('\''))
                inQuote = !inQuote;
            if (!inQuote && c == QLatin1Char('-') && i + 1 < line.size() && line.at(i + 1) == QLatin1Char('-'))
                break; // comment to end of line
            kept += c;
        }
        current += kept + QLatin1Char('\n');
        if (!inQuote && kept.trimmed().endsWith(QLatin1Char(';'))) {
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
