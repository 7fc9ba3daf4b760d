#include "SheetXml.h"

#include "CellFormat.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>

namespace Import::SheetXml {

Core::Error invalid(const QString &message)
{
    return Core::Error::make(Core::Error::Code::Invalid, message);
}

QXmlStreamReader::TokenType step(QXmlStreamReader &xml)
{
    const auto token = xml.readNext();
    if (token == QXmlStreamReader::DTD)
        xml.raiseError(QCoreApplication::translate(
            "Import::SpreadsheetFile", "it declares a document type or entities, which no spreadsheet does"));
    return token;
}

QStringView attribute(const QXmlStreamReader &xml, QLatin1StringView name)
{
    const QXmlStreamAttributes attributes = xml.attributes();
    for (const QXmlStreamAttribute &a : attributes) {
        if (a.name() == name)
            return a.value();
    }
    return {};
}

bool parseReference(QStringView ref, int *column, qint64 *row)
{
    qint64 c = 0;
    qsizetype i = 0;
    while (i < ref.size() && ref[i].isLetter()) {
        c = c * 26 + (ref[i].toUpper().unicode() - 'A' + 1);
        if (c > kMaxColumns * 26)
            return false;
        ++i;
    }
    if (column)
        *column = int(c - 1);
    if (row) {
        bool ok = false;
        *row = ref.mid(i).toLongLong(&ok);
        if (!ok)
            *row = 0;
    }
    return c > 0 || i == 0;
}

void place(QStringList &cells, int column, const QString &text)
{
    while (cells.size() <= column)
        cells.append(QString());
    cells[column] = text;
}

QString richText(QXmlStreamReader &xml)
{
    QString out;
    const QString element = xml.name().toString();
    int depth = 0;
    while (!xml.atEnd()) {
        const auto token = step(xml);
        if (token == QXmlStreamReader::StartElement) {
            if (xml.name() == QLatin1String("rPh")) {
                xml.skipCurrentElement();
            } else if (xml.name() == QLatin1String("t")) {
                out += xml.readElementText(QXmlStreamReader::IncludeChildElements);
            } else {
                ++depth;
            }
        } else if (token == QXmlStreamReader::EndElement) {
            if (depth == 0 && xml.name() == element)
                break;
            --depth;
        } else if (token == QXmlStreamReader::Invalid) {
            break;
        }
    }
    return CellFormat::unescape(out);
}

QString isoDateTime(const QString &text)
{
    QDateTime when = QDateTime::fromString(text.left(19), Qt::ISODate);
    if (!when.isValid()) {
        const QDate day = QDate::fromString(text.left(10), Qt::ISODate);
        return day.isValid() ? day.toString(Qt::ISODate) : text;
    }
    if (when.time() == QTime(0, 0))
        return when.date().toString(Qt::ISODate);
    return when.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString parentDirectory(const QString &part)
{
    const qsizetype slash = part.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : part.left(slash + 1);
}

QString resolveTarget(const QString &base, const QString &target)
{
    if (target.startsWith(QLatin1Char('/')))
        return QDir::cleanPath(target.mid(1));
    return QDir::cleanPath(base + target);
}

} // namespace Import::SheetXml
