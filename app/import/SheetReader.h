#pragma once

#include "TableSource.h"

class QIODevice;

namespace Import {

// One sheet's rows, streamed out of the spreadsheet's XML (an .xlsx worksheet or an .ods table).
class SheetReader
{
public:
    virtual ~SheetReader() = default;
    // The next row holding something, its cells as the user saw them (trailing empty cells dropped);
    // false at the end or on an error (error() says which).
    virtual bool nextRow(QStringList &cells, qint64 &row) = 0;
    virtual QString error() const = 0;
    // A problem the reader met but read past (a cell beyond the last column a spreadsheet can have…).
    virtual QList<LineProblem> takeProblems() { return {}; }
    // After the last row: the rest of the part read through, so that its checksum is checked (a damaged
    // file must not pass for a whole one). Empty, or why it is damaged.
    QString drain();

protected:
    QIODevice *m_source = nullptr; // the part being read
};

} // namespace Import
