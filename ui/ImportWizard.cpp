#include "ImportWizard.h"

#include "ImportWizardPageColumns.h"
#include "ImportWizardPageFile.h"
#include "ImportWizardPagePreview.h"
#include "ImportWizardPageResult.h"

namespace Gui {

ImportWizard::ImportWizard(AppContext &context, const QString &path, QWidget *parent)
    : QWizard(parent), file(path), m_context(context)
{
    setObjectName(QStringLiteral("importWizard"));
    setWindowTitle(tr("Import members"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setPage(FilePage, new ImportWizardPageFile(this));
    setPage(ColumnsPage, new ImportWizardPageColumns(this));
    setPage(PreviewPage, new ImportWizardPagePreview(this));
    setPage(ResultPage, new ImportWizardPageResult(this));
    // The preview's Next button imports: it says so.
    const QString next = buttonText(QWizard::NextButton);
    connect(this, &QWizard::currentIdChanged, this,
            [this, next](int id) { setButtonText(QWizard::NextButton, id == PreviewPage ? tr("&Import") : next); });
    resize(900, 600);
}

void ImportWizard::reject()
{
    Q_EMIT cancelRequested(); // a running job is cancelled and rolled back before the wizard closes
    QWizard::reject();
}

} // namespace Gui
