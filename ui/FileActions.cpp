#include "FileActions.h"

#include "MessageBox.h"

#include "AppContext.h"
#include "storage/ImportBatchRepository.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QProcess>

namespace Gui {

FileActions::FileActions(AppContext &context, QWidget *window) : QObject(window), m_context(context), m_window(window)
{}

void FileActions::addTo(QMenu *file)
{
    QAction *open = file->addAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("&Open another member file…"),
                                    this, &FileActions::openAnother);
    open->setObjectName(QStringLiteral("openFileAction"));
    open->setShortcut(QKeySequence::Open);
    QAction *copy = file->addAction(QIcon::fromTheme(QStringLiteral("document-save-as")), tr("&Save a copy…"), this,
                                    &FileActions::saveCopy);
    copy->setObjectName(QStringLiteral("saveCopyAction"));
    QMenu *undo = file->addMenu(tr("&Undo an import"));
    undo->setObjectName(QStringLiteral("undoImportMenu"));
    connect(undo, &QMenu::aboutToShow, this, [this, undo] { fillUndoMenu(undo); });
}

void FileActions::openAnother()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open a member file"),
                                                      QFileInfo(m_context.database().path()).absolutePath(),
                                                      tr("Carnet member files (*.sqlite *.carnet);;All files (*)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path) == QFileInfo(m_context.database().path())) {
        Q_EMIT message(tr("This member file is the one open here."));
        return;
    }
    // Each member file in a window (and a process) of its own: nothing of one is mixed with the other.
    if (!QProcess::startDetached(QApplication::applicationFilePath(), {QStringLiteral("--database"), path}))
        MessageBox::critical(m_window, tr("Open a member file"), tr("Carnet could not be started for %1.").arg(path));
}

void FileActions::saveCopy()
{
    const QFileInfo current(m_context.database().path());
    const QString suggested =
        QDir(current.absolutePath())
            .filePath(
                tr("%1 copy %2.sqlite").arg(current.completeBaseName(), QDate::currentDate().toString(Qt::ISODate)));
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Save a copy of the member file"), suggested,
                                                      tr("Carnet member files (*.sqlite)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path) == current) {
        MessageBox::critical(m_window, tr("Save a copy"), tr("Choose another file than the member file itself."));
        return;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto saved = m_context.database().saveCopy(path);
    QApplication::restoreOverrideCursor();
    if (!saved.ok()) {
        MessageBox::critical(m_window, tr("Save a copy"), saved.error().message);
        return;
    }
    Q_EMIT message(tr("A copy of the member file was saved as %1.").arg(QDir::toNativeSeparators(path)));
}

void FileActions::fillUndoMenu(QMenu *menu)
{
    menu->clear();
    Storage::ImportBatchRepository batches(m_context.database(), m_context.clock());
    auto list = batches.list();
    int shown = 0;
    if (list.ok()) {
        const QLocale locale;
        for (const Storage::ImportBatch &b : list.value()) {
            if (b.undoneAt.isValid())
                continue;
            const QString label =
                tr("%1 — %2 (%3 created, %4 updated)")
                    .arg(b.fileName, locale.toString(b.importedAt.toLocalTime(), QLocale::ShortFormat))
                    .arg(b.created)
                    .arg(b.updated);
            const qint64 id = b.id;
            const QString name = b.fileName;
            menu->addAction(label, this, [this, id, name] { undoImport(id, name); });
            if (++shown == 5)
                break;
        }
    }
    if (shown == 0)
        menu->addAction(tr("No import to undo"))->setEnabled(false);
}

void FileActions::undoImport(qint64 batchId, const QString &fileName)
{
    if (MessageBox::question(m_window, tr("Undo an import"),
                             tr("Undo the import of %1? The members it created are deleted and the members it "
                                "changed are put back as they were.")
                                 .arg(fileName),
                             QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    Storage::ImportBatchRepository batches(m_context.database(), m_context.clock());
    if (auto r = batches.undo(batchId); !r.ok()) {
        MessageBox::critical(m_window, tr("Undo an import"), r.error().message);
        return;
    }
    Q_EMIT membersReplaced();
    Q_EMIT message(tr("The import of %1 was undone.").arg(fileName));
}

} // namespace Gui
