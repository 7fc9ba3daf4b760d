#pragma once

#include <QObject>

class AppContext;
namespace Storage {
class Database;
}
class QMenu;
class QWidget;

namespace Gui {

// The File menu's work on the member file itself: open another one or the board's shared one on a
// PostgreSQL server (each in a window of its own), save a copy (through SQLite, never a plain file copy of a
// file in use; from a server, a local file made by copying every table), move a local file onto a server,
// and undo one of the last imports.
class FileActions : public QObject
{
    Q_OBJECT

public:
    FileActions(AppContext &context, QWidget *window);

    void addTo(QMenu *file);

Q_SIGNALS:
    void membersReplaced(); // an import was undone
    void message(const QString &text);

private:
    void openAnother();
    void openShared();
    void moveToServer();
    void saveCopy();
    // Copies every table with a progress dialog (Cancel leaves the target empty); false when it did not.
    bool copyWithProgress(const QString &title, Storage::Database &source, Storage::Database &target);
    void startWindow(const QString &database, const QString &password);
    void fillUndoMenu(QMenu *menu);
    void undoImport(qint64 batchId, const QString &fileName);

    AppContext &m_context;
    QWidget *m_window;
};

} // namespace Gui
