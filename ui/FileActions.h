#pragma once

#include <QObject>

class AppContext;
class QMenu;
class QWidget;

namespace Gui {

// The File menu's work on the member file itself: open another one (in a window of its own), save a copy
// (through SQLite, never a plain file copy of a file in use), and undo one of the last imports.
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
    void saveCopy();
    void fillUndoMenu(QMenu *menu);
    void undoImport(qint64 batchId, const QString &fileName);

    AppContext &m_context;
    QWidget *m_window;
};

} // namespace Gui
