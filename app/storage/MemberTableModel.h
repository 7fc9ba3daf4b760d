#pragma once

#include "ListReader.h"
#include "MemberColumnProvider.h"
#include "MemberIndex.h"
#include "Selection.h"
#include "core/Member.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

class QThread;

namespace Core {
class Clock;
}

namespace Storage {

class ChangeFeed;
class MemberRepository;

// The member table, for a million members: it holds only the ordered list of member ids of the
// current selection (8 bytes a member) and loads rows by pages of 128 as the view asks for them.
// Search and the accent-insensitive sort on names go through MemberIndex, built on a worker thread
// with its own connection; changes made by another program (the CLI) are noticed and shown.
class MemberTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    static constexpr int kPageSize = 128;
    // A list larger than `listedAbove` opens on its first `firstRows` rows (100,000 and 1,000; a test
    // lowers them).
    static void setOpeningLimits(qint64 listedAbove, int firstRows);
    // Once the search index is ready, a list of at least `members` rows (or in a file of that many members) is
    // read again — a new selection, an order the index cannot give — on a worker, the table showing the old
    // list meanwhile (50,000; a test lowers it).
    static void setReadAsideAbove(qint64 members);
    static constexpr int MemberIdRole = Qt::UserRole + 1;
    static constexpr int ColumnKeyRole = Qt::UserRole + 2; // headerData: "last_name", "consent:newsletter"
    static constexpr int EditorsRole = Qt::UserRole + 3;   // the other logins with this member's editor open

    // Selections SQL cannot express (consent): the member ids, in increasing order.
    using SelectionResolver = std::function<Core::Result<std::vector<qint64>>(const Selection &)>;

    MemberTableModel(MemberRepository &repository, const Core::Clock &clock, QObject *parent = nullptr);
    ~MemberTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    Core::MemberField fieldAt(int column) const; // MemberField::Id for a provider's column
    int columnOf(Core::MemberField field) const;
    bool isProviderColumn(int column) const;

    void setSelectionResolver(SelectionResolver resolver) { m_resolver = std::move(resolver); }
    // The same on the worker that reads large lists, with its own database (consent selections); a selection
    // it does not decide goes to the resolver above when the ids arrive.
    void setWorkerResolver(ListReader::Resolver resolver) { m_workerResolver = std::move(resolver); }
    // Extra columns after the member fields (not owned). Call providerChanged() when its values or
    // its columns change.
    void setColumnProvider(MemberColumnProvider *provider);
    // A shared member file's notifications (not owned): the other windows' changes come in as they are
    // committed, member by member, and the "being edited by" markers with them. Without it (a local file),
    // another program's commit is noticed by polling and the list is read again.
    void setChangeFeed(ChangeFeed *feed);

    void setSelection(const Selection &selection);
    const Selection &selection() const { return m_selection; }
    void setSearchText(const QString &text);
    const QString &searchText() const { return m_search; }
    Core::MemberField sortField() const { return m_sortField; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    qint64 memberIdAt(int row) const;
    // The member shown on `row`, as this table last read it (what the person deciding sees).
    Core::Member memberAt(int row) const;
    // The version of the member on `row` as this table showed it, without reading anything: 0 when its page was
    // never read (or no longer kept) — nobody saw that row, so there is nothing to check it against.
    qint64 shownVersion(int row) const;
    int rowOfMember(qint64 id) const;
    qint64 totalCount() const { return m_total; } // members in the database
    bool isIndexReady() const { return m_index != nullptr; }
    bool isSearchPending() const { return m_searchPending; }
    // A large list being put in a new order (or read for a new selection) on a worker; the rows shown stay in
    // the old order until it is ready.
    bool isSortPending() const { return m_sortPending; }
    // Rows read from the database by this model since it was made (its ids, pages and changed members): what
    // a refresh costs, for the benchmarks.
    qint64 rowsRead() const { return m_rowsRead; }

public Q_SLOTS:
    void reload();                                // re-reads the selection from the database
    void memberSaved(const Core::Member &member); // after an edit in this process
    void memberRemoved(qint64 id);
    // Members changed elsewhere (ids only): read, then placed, moved or taken out one by one — the rest of
    // the list, the selection, the current row and the scroll position stay as they are.
    void membersChangedElsewhere(const QList<qint64> &ids);
    void checkForOutsideChanges(); // another program committed to the file?
    // This window's own work written through another connection (ui/WorkAside: a bulk deletion, consent for a
    // selection): the checks for other programs' changes wait meanwhile, and what was written is not taken for
    // theirs on release (the caller reads again what it changed) — rather than the index rebuilt every 1.5 s.
    void holdOutsideChecks(bool hold);
    void rebuildIndex();
    void membersReplaced(); // many members changed at once (an import, its undo): read everything again
    void providerChanged(); // the extra columns' values (or their number) changed

Q_SIGNALS:
    void countsChanged();
    void membersChanged(); // members were added, changed or removed (here or by another program)
    void indexReady();
    // A large list started (true) or finished (false) being read or put in order on a worker.
    void readingChanged(bool reading);
    void errorOccurred(const QString &message);
    // The shared member file's server stopped answering (false) or answers again (true; the rows are read again).
    void connectionChanged(bool connected);

private:
    // Places each of `ids` (their current values in `now`; absent: deleted or out of sight) in the list.
    void apply(const QList<qint64> &ids, const QHash<qint64, Core::Member> &now);
    enum class Placed { Unchanged, Updated, Moved };
    Placed place(std::vector<qint64> &list, qint64 id, bool wanted, bool visible);
    void editorsChanged();
    void installIndex(std::shared_ptr<MemberIndex> index, qint64 generation);
    void stopIndexBuild();
    void applySearch();
    void filterRows(); // the rows of the selection that match the search; call between resets
    // Keeps of `ids` (in their order) those the resolver names for the current selection; its error otherwise.
    void narrowToResolved(Core::Result<std::vector<qint64>> &ids) const;
    bool readsAside() const;
    void startRead(const MemberQuery &query, bool sortInIndex);
    void finishRead(ListReader::Result result);
    const Core::Member *memberAtRow(int row) const;
    QVariant display(const Core::Member &member, Core::MemberField field) const;

    MemberRepository &m_repository;
    const Core::Clock &m_clock;
    SelectionResolver m_resolver;
    ListReader::Resolver m_workerResolver;
    std::unique_ptr<ListReader> m_reader; // made at the first large read
    qint64 m_readGeneration = 0;          // the latest read asked; older results are dropped
    bool m_readSortInIndex = false;
    MemberColumnProvider *m_provider = nullptr;
    int m_providerColumns = 0;
    Selection m_selection;
    QString m_search;
    Core::MemberField m_sortField = Core::MemberField::LastName;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;

    std::vector<qint64> m_baseIds; // the selection, in order
    std::vector<qint64> m_rows;    // after the search, when there is one
    bool m_filtered = false;       // rows() is m_rows rather than m_baseIds
    const std::vector<qint64> &rows() const { return m_filtered ? m_rows : m_baseIds; }
    qint64 m_total = 0;
    // Opening a large list before the search index is ready: only the first rows' ids are read (the
    // whole list in the wanted order is a server-side sort of every name, seconds on a server); the
    // other rows are counted and shown empty until the index brings the whole list in its order.
    qint64 m_unlisted = 0;
    bool m_indexFailed = false; // then the whole list is read, as without an index
    bool m_searchPending = false;
    bool m_sortPending = false;
    mutable QCache<int, QList<Core::Member>> m_pages;

    std::shared_ptr<MemberIndex> m_index;
    QThread *m_indexThread = nullptr;
    std::atomic_bool m_cancelIndex{false};
    qint64 m_indexGeneration = 0;
    QList<qint64> m_changedDuringBuild;
    qint64 m_dataVersion = -1;
    bool m_connectionLost = false;
    QTimer m_watch;
    ChangeFeed *m_feed = nullptr;
    QHash<qint64, QStringList> m_editors; // as last shown
    mutable qint64 m_rowsRead = 0;
};

} // namespace Storage
