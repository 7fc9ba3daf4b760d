#pragma once

#include "import/Importer.h"

#include <QWizard>

class AppContext;

namespace Gui {

// Importing a member file, step by step: 1 file and dialect, 2 columns, 3 preview (a dry run),
// 4 result (the import, with Undo). Long work runs in Import::ImportJob; Cancel at any step leaves
// the member list as it was. The pages only edit the options held here.
class ImportWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { FilePage, ColumnsPage, PreviewPage, ResultPage };

    ImportWizard(AppContext &context, const QString &file, QWidget *parent = nullptr);

    AppContext &context() { return m_context; }
    QString file;
    Import::ImportOptions options;
    Import::ImportReport lastReport; // the dry run, then the import

    void reject() override;

Q_SIGNALS:
    void imported(qint64 batchId);
    void undone(qint64 batchId);
    void cancelRequested();

private:
    AppContext &m_context;
};

} // namespace Gui
