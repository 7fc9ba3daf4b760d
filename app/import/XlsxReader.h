#pragma once

#include "SheetReader.h"
#include "Workbook.h"
#include "core/Result.h"

#include <memory>

namespace Import {

class ZipArchive;

// .xlsx (Office Open XML, transitional and strict): the workbook (sheets, active sheet, 1904 dates,
// styles, shared strings) and one worksheet's rows.
Core::Result<void> loadXlsx(ZipArchive &archive, Workbook &workbook);
std::unique_ptr<SheetReader> xlsxSheetReader(std::unique_ptr<QIODevice> device, const Workbook &workbook);
// The rows a worksheet says it uses (its <dimension>), or -1 when it does not say.
qint64 declaredRows(ZipArchive &archive, const QString &part);

} // namespace Import
