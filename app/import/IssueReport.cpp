#include "IssueReport.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace Import {

namespace {
QByteArray cell(QString text)
{
    if (!text.isEmpty() && QStringLiteral("=+-@\t\r").contains(text.front()))
        text.prepend(QLatin1Char('\'')); // never a formula in the user's spreadsheet
    text.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return '"' + text.toUtf8() + '"';
}
} // namespace

Core::Result<void> writeIssueReport(const QString &path, const QList<RowIssue> &issues)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Core::Error::make(Core::Error::Code::Storage, file.errorString());
    file.write("\xEF\xBB\xBF");
    const QStringList header = {QCoreApplication::translate("Import::IssueReport", "Line"),
                                QCoreApplication::translate("Import::IssueReport", "Column"),
                                QCoreApplication::translate("Import::IssueReport", "Value"),
                                QCoreApplication::translate("Import::IssueReport", "Reason")};
    QByteArray line;
    for (const QString &h : header)
        line += (line.isEmpty() ? QByteArray() : QByteArray(",")) + cell(h);
    file.write(line + "\r\n");
    for (const RowIssue &issue : issues)
        file.write(QByteArray::number(issue.line) + ',' + cell(issue.column) + ',' + cell(issue.value) + ',' +
                   cell(issue.message) + "\r\n");
    if (!file.commit())
        return Core::Error::make(Core::Error::Code::Storage, file.errorString());
    return {};
}

} // namespace Import
