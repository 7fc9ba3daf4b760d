#include "FileWait.h"

#include "storage/Database.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QProgressBar>
#include <QTimer>
#include <QVBoxLayout>

namespace Gui::FileWait {

bool untilFree(const QString &path, QWidget *parent)
{
    if (!Storage::Database::heldByWriter(path))
        return true;
    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("fileWait"));
    dialog.setWindowTitle(QStringLiteral("Carnet"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *label = new QLabel(
        QCoreApplication::translate("Gui::FileWait",
                                    "<p><b>Another program is writing this member list.</b></p>"
                                    "<p>A large import, most likely. Carnet opens the list as soon as it is done.</p>"
                                    "<p><small>%1</small></p>")
            .arg(QDir::toNativeSeparators(path).toHtmlEscaped()),
        &dialog);
    label->setObjectName(QStringLiteral("fileWaitText"));
    label->setWordWrap(true);
    layout->addWidget(label);
    auto *bar = new QProgressBar(&dialog);
    bar->setRange(0, 0); // no measure of the other program's progress: a busy bar
    bar->setTextVisible(false);
    layout->addWidget(bar);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.setMinimumWidth(420);

    QTimer poll;
    poll.setInterval(250);
    QObject::connect(&poll, &QTimer::timeout, &dialog, [&dialog, &path] {
        if (!Storage::Database::heldByWriter(path))
            dialog.accept();
    });
    poll.start();
    return dialog.exec() == QDialog::Accepted;
}

} // namespace Gui::FileWait
