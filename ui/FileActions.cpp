#include "FileActions.h"

#include "MessageBox.h"
#include "ServerConnectDialog.h"

#include "AppContext.h"
#include "storage/DatabaseCopy.h"
#include "storage/ImportBatchRepository.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QProcess>
#include <QProgressDialog>
#include <QUrl>

namespace Gui {

FileActions::FileActions(AppContext &context, QWidget *window) : QObject(window), m_context(context), m_window(window)
{}

void FileActions::addTo(QMenu *file)
{
    QAction *open = file->addAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("&Open another member file…"),
                                    this, &FileActions::openAnother);
    open->setObjectName(QStringLiteral("openFileAction"));
    open->setShortcut(QKeySequence::Open);
    QAction *shared = file->addAction(QIcon::fromTheme(QStringLiteral("network-server")),
                                      tr("Open a s&hared member file…"), this, &FileActions::openShared);
    shared->setObjectName(QStringLiteral("openSharedAction"));
    const bool server = m_context.database().location().isServer();
    QAction *copy =
        file->addAction(QIcon::fromTheme(QStringLiteral("document-save-as")),
                        server ? tr("&Save a local copy…") : tr("&Save a copy…"), this, &FileActions::saveCopy);
    copy->setObjectName(QStringLiteral("saveCopyAction"));
    if (!server) {
        QAction *move = file->addAction(tr("&Move this member file to a server…"), this, &FileActions::moveToServer);
        move->setObjectName(QStringLiteral("moveToServerAction"));
    }
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

void FileActions::startWindow(const QString &database, const QString &password)
{
    // Each member file in a window (and a process) of its own; a password typed for this session only goes
    // to that process alone, in its environment (libpq reads PGPASSWORD), never in a file or a command line.
    QProcess process;
    process.setProgram(QApplication::applicationFilePath());
    process.setArguments({QStringLiteral("--database"), database});
    if (!password.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), password);
        process.setProcessEnvironment(env);
    }
    if (!process.startDetached())
        MessageBox::critical(m_window, tr("Open a member file"),
                             tr("Carnet could not be started for %1.").arg(database));
}

void FileActions::openShared()
{
    ServerConnectDialog dialog(m_context.settings(), m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString url = dialog.url();
    ServerConnectDialog::remember(m_context.settings(), url);
    if (dialog.rememberPassword()) {
        auto location = Storage::Location::parse(url);
        if (location.ok())
            m_context.credentials().write(ServerConnectDialog::keychainKey(location.value()), dialog.password());
    }
    startWindow(url, dialog.password());
}

bool FileActions::copyWithProgress(const QString &title, Storage::Database &source, Storage::Database &target)
{
    QProgressDialog progress(m_window);
    progress.setWindowTitle(title);
    progress.setObjectName(QStringLiteral("copyProgress"));
    progress.setMinimumDuration(300);
    progress.setAutoReset(false);
    auto copied = Storage::DatabaseCopy::copy(source, target, [&](const QString &table, qint64 done, qint64 total) {
        progress.setLabelText(
            tr("Copying %1: %2 of %3 rows…").arg(table, QLocale().toString(done), QLocale().toString(total)));
        progress.setMaximum(int(std::max<qint64>(1, std::min<qint64>(total, INT_MAX))));
        progress.setValue(int(std::min<qint64>(done, INT_MAX)));
        QApplication::processEvents();
        return !progress.wasCanceled();
    });
    progress.close();
    if (!copied.ok()) {
        if (copied.error().code != Core::Error::Code::Cancelled)
            MessageBox::critical(m_window, title, copied.error().message);
        else
            Q_EMIT message(copied.error().message);
        return false;
    }
    if (!copied.value().ok()) {
        MessageBox::critical(m_window, title, tr("The copy does not compare equal to the member file; do not use it."));
        return false;
    }
    return true;
}

void FileActions::moveToServer()
{
    ServerConnectDialog dialog(m_context.settings(), m_window);
    dialog.setWindowTitle(tr("Move this member file to a server"));
    dialog.setMessage(tr("Every table is copied into an empty database on the server, then compared. This file "
                         "stays as it is; keep it as a backup."));
    if (dialog.exec() != QDialog::Accepted)
        return;
    QUrl withPassword(dialog.url());
    if (!dialog.password().isEmpty())
        withPassword.setPassword(dialog.password());
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto server = Storage::Database::open(withPassword.toString());
    QApplication::restoreOverrideCursor();
    if (!server.ok()) {
        MessageBox::critical(m_window, dialog.windowTitle(), server.error().message);
        return;
    }
    if (!copyWithProgress(dialog.windowTitle(), m_context.database(), *server.value()))
        return;
    ServerConnectDialog::remember(m_context.settings(), dialog.url());
    if (dialog.rememberPassword())
        m_context.credentials().write(ServerConnectDialog::keychainKey(server.value()->location()), dialog.password());
    const QString where = server.value()->displayName();
    server.value().reset();
    if (MessageBox::question(m_window, dialog.windowTitle(),
                             tr("The member file is now on %1, and every table compares equal. Open it there? From "
                                "now on, the board works there; this file is a copy.")
                                 .arg(where),
                             QMessageBox::Open | QMessageBox::Close, QMessageBox::Open) == QMessageBox::Open)
        startWindow(dialog.url(), dialog.password());
}

void FileActions::saveCopy()
{
    if (m_context.database().location().isServer()) {
        const QString path =
            QFileDialog::getSaveFileName(m_window, tr("Save a local copy of the member file"),
                                         QDir::home().filePath(tr("%1 copy %2.sqlite")
                                                                   .arg(m_context.database().location().database,
                                                                        QDate::currentDate().toString(Qt::ISODate))),
                                         tr("Carnet member files (*.sqlite)"));
        if (path.isEmpty())
            return;
        Storage::Database::removeLocalFile(path); // the dialog asked before replacing it
        auto local = Storage::Database::open(path);
        if (!local.ok()) {
            MessageBox::critical(m_window, tr("Save a local copy"), local.error().message);
            return;
        }
        const bool done = copyWithProgress(tr("Save a local copy"), m_context.database(), *local.value());
        local.value().reset();
        if (!done) {
            Storage::Database::removeLocalFile(path);
            return;
        }
        Q_EMIT message(tr("A local copy of the member file was saved as %1.").arg(QDir::toNativeSeparators(path)));
        return;
    }
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
