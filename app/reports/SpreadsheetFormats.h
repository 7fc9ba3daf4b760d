#pragma once

// The two formats SpreadsheetWriter writes (internal to reports/).

#include "SpreadsheetWriter.h"

namespace Reports {

// Office Open XML (.xlsx): inline strings (no shared-string table to hold), styles for the bold header, text,
// dates and date-times, the header frozen, the columns sized.
class XlsxSheetWriter : public SpreadsheetWriter
{
public:
    XlsxSheetWriter(const QString &path, const Options &options) : SpreadsheetWriter(path, options) {}

protected:
    void writeRow(QByteArray &out, const Sheet &sheet, const QVariantList &values, bool header) override;
    std::vector<Part> parts() override;

private:
    const QByteArray &columnName(qsizetype column);
    std::vector<QByteArray> m_columnNames;
};

// OpenDocument spreadsheet (.ods): every sheet a table of content.xml, the header in table-header-rows,
// dates with a date style, the header frozen through settings.xml.
class OdsSheetWriter : public SpreadsheetWriter
{
public:
    OdsSheetWriter(const QString &path, const Options &options) : SpreadsheetWriter(path, options) {}

protected:
    void writeRow(QByteArray &out, const Sheet &sheet, const QVariantList &values, bool header) override;
    std::vector<Part> parts() override;
};

// A Qt date pattern's tokens (d, dd, M, MM, yy, yyyy) and the characters between them.
struct DateToken
{
    enum Kind { Day, Month, Year, Literal } kind = Literal;
    bool longForm = false;
    QString literal;
};
QList<DateToken> dateTokens(const QString &pattern);

} // namespace Reports
