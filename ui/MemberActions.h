#pragma once

#include <QItemSelection>
#include <QObject>
#include <QStringList>

#include <functional>
#include <vector>

class AppContext;
class QTableView;

namespace Storage {
class ChangeFeed;
class MemberTableModel;
} // namespace Storage

namespace Gui {

// The member table's own actions: a new member, the current member's editor (read only for a reader; on a
// shared file, marked "being edited" for the others while it is open, and saying who else has it open), and
// deleting the selected members — each checked against the version the table showed, so that a member
// another volunteer changed since is not deleted unseen. Keeps MainWindow free of it.
class MemberActions : public QObject
{
    Q_OBJECT

public:
    // The sections and the categories the editor offers (the side panel's).
    using Choices = std::function<std::pair<QStringList, QStringList>()>;
    MemberActions(AppContext &context, QTableView *table, Storage::MemberTableModel *model, Storage::ChangeFeed *feed,
                  Choices choices);

    void newMember();
    void editCurrent(bool consentTab = false);
    void deleteSelected();
    void select(qint64 id); // its row made current and shown
    // More selected rows than this are deleted aside, in chunks, with progress and Cancel.
    static constexpr int kDeleteOneByOneUpTo = 100;
    // The rows a selection covers, in order, each once: from its ranges (rows are selected whole in this table),
    // where selectedRows() asks every row and column of a selection of all whether it is selected.
    static std::vector<int> selectedRows(const QItemSelection &selection);

Q_SIGNALS:
    void message(const QString &text, int timeout);
    void consentChanged();

private:
    void deleteMany(const QItemSelection &selection);

    AppContext &m_context;
    QTableView *m_table;
    Storage::MemberTableModel *m_model;
    Storage::ChangeFeed *m_feed;
    Choices m_choices;
};

} // namespace Gui
