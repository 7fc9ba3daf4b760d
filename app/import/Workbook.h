#pragma once

#include "CellFormat.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Import {

// What a spreadsheet's workbook says of its sheets, styles and strings.
struct Workbook
{
    struct Sheet
    {
        QString name;
        QString part; // .xlsx: the worksheet's path inside the zip
        bool hidden = false;
        qint64 rows = -1; // not counted yet
    };
    QList<Sheet> sheets;
    int active = 0;
    bool date1904 = false;
    QList<CellFormat> formats; // .xlsx: by cell style index
    QStringList strings;       // .xlsx: shared strings
    bool odsListed = false;    // .ods: sheets are listed when first asked for (it takes a pass)
    QString odsActiveName;
};

} // namespace Import
