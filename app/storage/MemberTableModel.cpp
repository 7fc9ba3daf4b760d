#include "MemberTableModel.h"

#include "ChangeFeed.h"
#include "Database.h"
#include "MemberQuery.h"
#include "MemberRepository.h"
#include "core/Clock.h"

#include <QJsonDocument>
#include <QLocale>
#include <QPointer>
#include <QSet>
#include <QThread>

#include <atomic>
#include <optional>

using Core::Member;
using Core::MemberField;
namespace MemberFields = Core::MemberFields;

namespace Storage {

namespace {
std::atomic<qint64> g_listedAbove = 100000;
std::atomic<int> g_firstRows = 1000;
std::atomic<qint64> g_readAsideAbove = 50000;
} // namespace

void MemberTableModel::setReadAsideAbove(qint64 members)
{
    g_readAsideAbove = members;
}

void MemberTableModel::setOpeningLimits(qint64 listedAbove, int firstRows)
{
    g_listedAbove = listedAbove;
    g_firstRows = firstRows;
}

MemberTableModel::MemberTableModel(MemberRepository &repository, const Core::Clock &clock, QObject *parent)
    : QAbstractTableModel(parent), m_repository(repository), m_clock(clock), m_pages(32)
{
    m_dataVersion = m_repository.database().dataVersion();
    m_watch.setInterval(1500);
    connect(&m_watch, &QTimer::timeout, this, &MemberTableModel::checkForOutsideChanges);
    m_watch.start();
    reload();
    rebuildIndex();
}

MemberTableModel::~MemberTableModel()
{
    stopIndexBuild();
}

int MemberTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(rows().size() + size_t(m_filtered ? 0 : m_unlisted));
}

int MemberTableModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return int(MemberFields::all().size()) + (m_provider ? m_provider->columnCount() : 0);
}

bool MemberTableModel::isProviderColumn(int column) const
{
    return column >= int(MemberFields::all().size()) && column < columnCount();
}

void MemberTableModel::setColumnProvider(MemberColumnProvider *provider)
{
    beginResetModel();
    m_provider = provider;
    m_providerColumns = provider ? provider->columnCount() : 0;
    m_pages.clear();
    endResetModel();
}

void MemberTableModel::providerChanged()
{
    const int columns = m_provider ? m_provider->columnCount() : 0;
    if (columns != m_providerColumns) {
        // A purpose was added: the columns themselves changed.
        beginResetModel();
        m_providerColumns = columns;
        m_pages.clear();
        endResetModel();
        return;
    }
    // Same columns, new values: pages are read again (and prefetched) as the view asks.
    m_pages.clear();
    if (columns > 0 && rowCount() > 0) {
        const int first = int(MemberFields::all().size());
        Q_EMIT dataChanged(index(0, first), index(rowCount() - 1, first + columns - 1));
    }
}

MemberField MemberTableModel::fieldAt(int column) const
{
    return MemberFields::all().value(column, MemberField::Id);
}

int MemberTableModel::columnOf(MemberField field) const
{
    return int(MemberFields::all().indexOf(field));
}

QVariant MemberTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && section >= 0 && section < columnCount()) {
        const int extra = section - int(MemberFields::all().size());
        if (role == ColumnKeyRole)
            return extra >= 0 ? m_provider->columnKey(extra) : MemberFields::key(fieldAt(section));
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return extra >= 0 ? m_provider->header(extra) : MemberFields::label(fieldAt(section));
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

const Member *MemberTableModel::memberAtRow(int row) const
{
    const std::vector<qint64> &ids = rows();
    if (row < 0 || size_t(row) >= ids.size())
        return nullptr;
    const int page = row / kPageSize;
    QList<Member> *members = m_pages.object(page);
    if (!members) {
        const size_t begin = size_t(page) * kPageSize;
        const size_t end = std::min(ids.size(), begin + kPageSize);
        const std::vector<qint64> pageIds(ids.begin() + qsizetype(begin), ids.begin() + qsizetype(end));
        auto fetched = m_repository.fetch(pageIds);
        m_rowsRead += fetched.ok() ? qint64(fetched.value().size()) : 0;
        auto *loaded = new QList<Member>;
        loaded->reserve(qsizetype(pageIds.size()));
        QHash<qint64, Member> byId;
        if (fetched.ok()) {
            for (const Member &m : fetched.value())
                byId.insert(m.id, m);
        }
        for (qint64 id : pageIds) {
            Member m = byId.value(id);
            m.id = id; // a row deleted meanwhile shows empty until the next reload
            loaded->append(m);
        }
        if (m_provider)
            m_provider->prefetch(*loaded);
        m_pages.insert(page, loaded);
        members = loaded;
    }
    return &members->at(row % kPageSize);
}

QVariant MemberTableModel::display(const Member &m, MemberField field) const
{
    const QVariant v = m.value(field);
    if (v.isNull())
        return {};
    switch (field) {
    case MemberField::MembershipStart:
    case MemberField::MembershipEnd: return QLocale().toString(v.toDate(), QLocale::ShortFormat);
    case MemberField::CreatedAt:
    case MemberField::UpdatedAt: return QLocale().toString(v.toDateTime().toLocalTime(), QLocale::ShortFormat);
    case MemberField::Language:
        if (m.language == QLatin1String("fr"))
            return tr("French");
        if (m.language == QLatin1String("en"))
            return tr("English");
        return m.language;
    case MemberField::Extra: {
        if (m.extra.isEmpty())
            return {};
        QStringList parts;
        for (auto it = m.extra.begin(); it != m.extra.end(); ++it)
            parts.append(it.key() + QStringLiteral(": ") + it.value().toVariant().toString());
        return parts.join(QStringLiteral("; "));
    }
    case MemberField::Notes: return m.notes.section(QLatin1Char('\n'), 0, 0);
    default: return v;
    }
}

QVariant MemberTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == MemberIdRole)
        return memberIdAt(index.row());
    if (role == EditorsRole)
        return m_editors.value(memberIdAt(index.row()));
    if (role == Qt::ToolTipRole) {
        // Another volunteer has this member open: said on every cell of the row.
        if (const QStringList who = m_editors.value(memberIdAt(index.row())); !who.isEmpty())
            return tr("Being edited by %1").arg(QLocale().createSeparatedList(who));
    }
    if (isProviderColumn(index.column())) {
        const Member *m = memberAtRow(index.row());
        return m ? m_provider->data(*m, index.column() - int(MemberFields::all().size()), role) : QVariant();
    }
    if (m_provider && (role == Qt::DecorationRole || role == Qt::ToolTipRole)) {
        if (const Member *m = memberAtRow(index.row())) {
            if (QVariant v = m_provider->fieldData(*m, fieldAt(index.column()), role); v.isValid())
                return v;
        }
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != Qt::ToolTipRole && role != Qt::TextAlignmentRole)
        return {};
    const MemberField field = fieldAt(index.column());
    if (role == Qt::TextAlignmentRole) {
        if (MemberFields::type(field) == Core::FieldType::Integer)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    const Member *m = memberAtRow(index.row());
    if (!m)
        return {};
    if (role == Qt::EditRole)
        return m->value(field);
    if (role == Qt::ToolTipRole)
        return field == MemberField::Notes || field == MemberField::Address ? m->value(field) : QVariant();
    return display(*m, field);
}

void MemberTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= columnCount() || isProviderColumn(column))
        return;
    // Already in that order (the view asks again when sorting is switched on): nothing to read again — a
    // million ids are a second's work on a server.
    if (fieldAt(column) == m_sortField && order == m_sortOrder)
        return;
    m_sortField = fieldAt(column);
    m_sortOrder = order;
    // A text field the index sorts, the list whole and settled: the same members in a new order, put in it here
    // (a pass over the field's order kept by the index) rather than read again.
    if (m_index && MemberIndex::canSort(m_sortField) && m_unlisted == 0 && !m_sortPending && !m_searchPending) {
        beginResetModel();
        m_pages.clear();
        m_index->sort(m_baseIds, m_sortField, m_sortOrder);
        if (m_filtered)
            m_index->sort(m_rows, m_sortField, m_sortOrder);
        endResetModel();
        return;
    }
    reload();
}

void MemberTableModel::setSelection(const Selection &selection)
{
    if (selection == m_selection)
        return;
    m_selection = selection;
    reload();
}

void MemberTableModel::setSearchText(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    applySearch();
}

qint64 MemberTableModel::memberIdAt(int row) const
{
    return row >= 0 && size_t(row) < rows().size() ? rows()[size_t(row)] : 0;
}

Member MemberTableModel::memberAt(int row) const
{
    const Member *m = memberAtRow(row);
    return m ? *m : Member();
}

qint64 MemberTableModel::shownVersion(int row) const
{
    if (row < 0 || size_t(row) >= rows().size())
        return 0;
    const QList<Member> *page = m_pages.object(row / kPageSize);
    return page && row % kPageSize < page->size() ? page->at(row % kPageSize).version : 0;
}

int MemberTableModel::rowOfMember(qint64 id) const
{
    const std::vector<qint64> &ids = rows();
    const auto it = std::find(ids.begin(), ids.end(), id);
    return it == ids.end() ? -1 : int(it - ids.begin());
}

void MemberTableModel::reload()
{
    MemberQuery query{m_selection, m_sortField, m_sortOrder, m_clock.today()};
    const bool sortInIndex = m_index && MemberIndex::canSort(m_sortField);
    if (sortInIndex)
        query.sortField = MemberField::Id; // cheapest order; the index sorts by folded text
    if (readsAside()) {
        startRead(query, sortInIndex);
        return;
    }
    ++m_readGeneration; // a read still running on the worker is no longer wanted
    if (m_sortPending) {
        m_sortPending = false;
        Q_EMIT readingChanged(false);
    }
    // One reset for the whole reload; the old ids go before the new ones arrive, so a million-member
    // list is never held twice.
    beginResetModel();
    m_pages.clear();
    std::vector<qint64>().swap(m_baseIds);
    std::vector<qint64>().swap(m_rows);
    m_filtered = false;
    m_unlisted = 0;
    const bool everyone = m_selection.kind == Selection::Kind::All;
    Core::Result<qint64> total = qint64(0);
    if (everyone && !m_index && !m_indexFailed) {
        total = m_repository.count();
        if (total.ok() && total.value() > g_listedAbove)
            query.limit = g_firstRows;
    }
    auto ids = m_repository.ids(query);
    m_rowsRead += ids.ok() ? qint64(ids.value().size()) : 0;
    if (query.limit >= 0 && ids.ok() && total.ok())
        m_unlisted = std::max<qint64>(0, total.value() - qint64(ids.value().size()));
    else if (everyone && ids.ok()) // the list is the count (a count costs a fifth of a second on a server)
        total = qint64(ids.value().size());
    else
        total = m_repository.count();
    if (ids.ok() && m_selection.isResolved()) {
        // The consent service (or a saved report) says who; the query above gave the order.
        narrowToResolved(ids);
    }
    if (ids.ok() && total.ok()) {
        m_baseIds = std::move(ids).value();
        m_total = total.value();
        if (sortInIndex)
            m_index->sort(m_baseIds, m_sortField, m_sortOrder);
        filterRows();
    }
    endResetModel();
    if (!ids.ok() || !total.ok()) {
        Q_EMIT errorOccurred(!ids.ok() ? ids.error().message : total.error().message);
        return;
    }
    Q_EMIT countsChanged();
}

void MemberTableModel::narrowToResolved(Core::Result<std::vector<qint64>> &ids) const
{
    auto chosen = m_resolver ? m_resolver(m_selection) : Core::Result<std::vector<qint64>>(std::vector<qint64>());
    if (!chosen.ok()) {
        ids = chosen.error();
        return;
    }
    const std::vector<qint64> &wanted = chosen.value();
    std::erase_if(ids.value(), [&wanted](qint64 id) { return !std::binary_search(wanted.begin(), wanted.end(), id); });
}

bool MemberTableModel::readsAside() const
{
    if (!m_index || m_connectionLost)
        return false; // the first rows of a large list, or a list without the index: read here, as before
    const qint64 threshold = g_readAsideAbove;
    return qint64(m_baseIds.size()) + m_unlisted >= threshold || m_total >= threshold;
}

void MemberTableModel::startRead(const MemberQuery &query, bool sortInIndex)
{
    if (!m_reader) {
        m_reader = std::make_unique<ListReader>(m_repository.database().connectPath(), m_clock, this,
                                                [this](ListReader::Result result) { finishRead(std::move(result)); });
        if (m_workerResolver)
            m_reader->setResolver(m_workerResolver);
    }
    m_readSortInIndex = sortInIndex;
    m_reader->read(++m_readGeneration, query);
    if (!m_sortPending) {
        m_sortPending = true;
        Q_EMIT readingChanged(true);
    }
}

void MemberTableModel::finishRead(ListReader::Result result)
{
    if (result.generation != m_readGeneration)
        return;
    Core::Result<std::vector<qint64>> ids = std::move(result.ids);
    if (ids.ok() && m_selection.isResolved() && !result.resolved) {
        // Decided by the window's services (a saved report, the invitations, undeliverable addresses).
        narrowToResolved(ids);
    }
    m_sortPending = false;
    if (!ids.ok()) {
        // The list shown stays as it was.
        Q_EMIT readingChanged(false);
        Q_EMIT errorOccurred(ids.error().message);
        return;
    }
    beginResetModel();
    m_pages.clear();
    m_baseIds = std::move(ids).value();
    m_rowsRead += qint64(m_baseIds.size());
    std::vector<qint64>().swap(m_rows);
    m_filtered = false;
    m_unlisted = 0;
    m_total = result.total;
    if (m_readSortInIndex && m_index)
        m_index->sort(m_baseIds, m_sortField, m_sortOrder);
    filterRows();
    endResetModel();
    Q_EMIT readingChanged(false);
    Q_EMIT countsChanged();
}

void MemberTableModel::applySearch()
{
    beginResetModel();
    m_pages.clear();
    filterRows();
    endResetModel();
    Q_EMIT countsChanged();
}

void MemberTableModel::filterRows()
{
    const QString text = m_search.trimmed();
    m_searchPending = false;
    std::vector<qint64>().swap(m_rows);
    m_filtered = !text.isEmpty();
    if (text.isEmpty()) {
        // rows() is the selection itself
    } else if (m_index) {
        const std::vector<bool> mask = m_index->match(text);
        for (qint64 id : m_baseIds) {
            if (size_t(id) < mask.size() && mask[size_t(id)])
                m_rows.push_back(id);
        }
    } else {
        m_searchPending = true; // shown as soon as the index is ready
    }
}

void MemberTableModel::memberSaved(const Member &member)
{
    apply({member.id}, {{member.id, member}});
}

void MemberTableModel::memberRemoved(qint64 id)
{
    apply({id}, {});
}

void MemberTableModel::membersChangedElsewhere(const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return;
    auto fetched = m_repository.fetch(std::vector<qint64>(ids.begin(), ids.end()));
    if (!fetched.ok()) {
        Q_EMIT errorOccurred(fetched.error().message);
        return;
    }
    m_rowsRead += qint64(fetched.value().size());
    QHash<qint64, Member> now;
    for (const Member &m : fetched.value())
        now.insert(m.id, m); // a member missing here was deleted, or is outside this volunteer's sections
    apply(ids, now);
}

void MemberTableModel::apply(const QList<qint64> &ids, const QHash<qint64, Member> &now)
{
    if (!m_feed || !m_feed->isListening())
        m_dataVersion = m_repository.database().dataVersion(); // this process's own change is no outside change
    qint64 delta = 0;
    for (qint64 id : ids) {
        const bool was = m_index && m_index->contains(id);
        const auto it = now.constFind(id);
        if (m_index) {
            if (it != now.cend())
                m_index->upsert(*it);
            else
                m_index->remove(id);
        }
        if (m_indexThread)
            m_changedDuringBuild.append(id);
        delta += (it != now.cend() ? 1 : 0) - (was ? 1 : 0);
    }
    // In place only where the order and the selection can be decided here: the index sorts the list (names,
    // email, number, city), and the selection is decided by the member's own values. Otherwise the ids of the
    // selection are read again (the sort by a date is the database's; a consent selection is the service's).
    const bool inPlace = m_index && !m_selection.isResolved() && MemberIndex::canSort(m_sortField) && m_unlisted == 0 &&
                         !m_searchPending && !m_sortPending;
    if (!inPlace) {
        reload();
        Q_EMIT membersChanged();
        return;
    }
    m_total += delta;
    const MemberQuery query{m_selection, m_sortField, m_sortOrder, m_clock.today()};
    const QString text = m_search.trimmed();
    for (qint64 id : ids) {
        const auto it = now.constFind(id);
        const bool inSelection = it != now.cend() && query.matches(*it);
        Placed placed = place(m_baseIds, id, inSelection, !m_filtered);
        if (m_filtered)
            placed = place(m_rows, id, inSelection && m_index->matches(id, text), true);
        if (placed != Placed::Updated)
            continue;
        // The same row: its cached page takes the new values (nothing read again).
        const int row = rowOfMember(id);
        if (QList<Member> *page = m_pages.object(row / kPageSize)) {
            (*page)[row % kPageSize] = *it;
            if (m_provider)
                m_provider->prefetch(QList<Member>{*it});
        }
        Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
    }
    Q_EMIT countsChanged();
    Q_EMIT membersChanged();
}

MemberTableModel::Placed MemberTableModel::place(std::vector<qint64> &list, qint64 id, bool wanted, bool visible)
{
    const auto old = std::find(list.begin(), list.end(), id);
    const qint64 from = old == list.end() ? -1 : qint64(old - list.begin());
    if (!wanted) {
        if (from < 0)
            return Placed::Unchanged;
        if (visible)
            beginRemoveRows({}, int(from), int(from));
        list.erase(old);
        if (visible) {
            m_pages.clear(); // rows moved between pages: those on screen are read again (a few hundred rows)
            endRemoveRows();
        }
        return Placed::Moved;
    }
    // Where it goes among the others (binary search over the list without its old place).
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    auto before = [&](qint64 x, qint64 y) {
        return ascending ? m_index->less(x, y, m_sortField) : m_index->less(y, x, m_sortField);
    };
    size_t lo = 0;
    size_t hi = list.size() - (from >= 0 ? 1 : 0);
    while (lo < hi) {
        const size_t mid = (lo + hi) / 2;
        const qint64 other = list[mid + (from >= 0 && qint64(mid) >= from ? 1 : 0)];
        if (before(other, id))
            lo = mid + 1;
        else
            hi = mid;
    }
    const qint64 to = qint64(lo);
    if (from == to)
        return Placed::Updated;
    if (from < 0) {
        if (visible)
            beginInsertRows({}, int(to), int(to));
        list.insert(list.begin() + to, id);
        if (visible) {
            m_pages.clear();
            endInsertRows();
        }
        return Placed::Moved;
    }
    // Qt's destination is the row before which it goes, counted in the list before the move.
    if (visible)
        beginMoveRows({}, int(from), int(from), {}, int(to > from ? to + 1 : to));
    if (to > from)
        std::rotate(list.begin() + from, list.begin() + from + 1, list.begin() + to + 1);
    else
        std::rotate(list.begin() + to, list.begin() + from, list.begin() + from + 1);
    if (visible) {
        m_pages.clear();
        endMoveRows();
    }
    return Placed::Moved;
}

void MemberTableModel::setChangeFeed(ChangeFeed *feed)
{
    if (m_feed)
        disconnect(m_feed, nullptr, this, nullptr);
    m_feed = feed;
    if (!feed)
        return;
    connect(feed, &ChangeFeed::membersChanged, this, &MemberTableModel::membersChangedElsewhere);
    connect(feed, &ChangeFeed::everythingChanged, this, &MemberTableModel::membersReplaced);
    connect(feed, &ChangeFeed::editorsChanged, this, &MemberTableModel::editorsChanged);
    connect(feed, &QObject::destroyed, this, [this] { m_feed = nullptr; });
    editorsChanged();
}

void MemberTableModel::editorsChanged()
{
    QHash<qint64, QStringList> now = m_feed ? m_feed->editors() : QHash<qint64, QStringList>();
    QSet<qint64> touched;
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it)
        touched.insert(it.key());
    for (auto it = now.cbegin(); it != now.cend(); ++it)
        touched.insert(it.key());
    m_editors = std::move(now);
    for (qint64 id : std::as_const(touched)) {
        if (const int row = rowOfMember(id); row >= 0)
            Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1), {Qt::ToolTipRole, EditorsRole});
    }
}

void MemberTableModel::checkForOutsideChanges()
{
    const Database::Link link = m_repository.database().checkLink();
    if (link == Database::Link::Down) {
        if (!m_connectionLost) {
            m_connectionLost = true;
            Q_EMIT connectionChanged(false);
        }
        return;
    }
    const bool restored = link == Database::Link::Restored || m_connectionLost;
    if (m_connectionLost) {
        m_connectionLost = false;
        Q_EMIT connectionChanged(true);
    }
    if (m_feed && m_feed->isListening() && !restored)
        return; // the server says what changes, member by member
    const qint64 version = m_repository.database().dataVersion();
    if (version == m_dataVersion && !restored)
        return;
    m_dataVersion = version;
    reload();
    rebuildIndex();
    Q_EMIT membersChanged();
}

void MemberTableModel::holdOutsideChecks(bool hold)
{
    if (hold) {
        m_watch.stop();
        return;
    }
    if (!m_feed || !m_feed->isListening())
        m_dataVersion = m_repository.database().dataVersion();
    m_watch.start();
}

void MemberTableModel::membersReplaced()
{
    m_dataVersion = m_repository.database().dataVersion();
    reload();
    rebuildIndex();
    Q_EMIT membersChanged();
}

void MemberTableModel::stopIndexBuild()
{
    if (!m_indexThread)
        return;
    m_cancelIndex = true;
    m_indexThread->wait();
    delete m_indexThread;
    m_indexThread = nullptr;
}

void MemberTableModel::rebuildIndex()
{
    stopIndexBuild();
    m_cancelIndex = false;
    m_changedDuringBuild.clear();
    const qint64 generation = ++m_indexGeneration;
    const QString path = m_repository.database().connectPath();
    m_indexThread = QThread::create([this, path, generation] {
        const QString name = Database::uniqueConnectionName(QStringLiteral("index"));
        std::optional<Core::Result<std::shared_ptr<MemberIndex>>> built;
        {
            auto connection = Database::openConnection(path, name);
            if (connection.ok())
                built = MemberIndex::build(connection.value(), &m_cancelIndex);
            // The orders of the fields it sorts, off the GUI thread: a click on a column header is then a pass
            // over a kept order (the default sort first).
            for (MemberField field : {MemberField::LastName, MemberField::FirstName, MemberField::Email,
                                      MemberField::MemberNumber, MemberField::City}) {
                if (built && built->ok() && !m_cancelIndex)
                    built->value()->prepareOrder(field);
            }
        }
        QSqlDatabase::removeDatabase(name);
        if (built && built->ok()) {
            std::shared_ptr<MemberIndex> index = built->value();
            QMetaObject::invokeMethod(
                this, [this, index, generation] { installIndex(index, generation); }, Qt::QueuedConnection);
        } else if (!m_cancelIndex) {
            // No index (the connection failed): the whole list is read without it.
            QMetaObject::invokeMethod(
                this,
                [this, generation] {
                    if (generation != m_indexGeneration || m_indexFailed || m_unlisted == 0)
                        return;
                    m_indexFailed = true;
                    reload();
                },
                Qt::QueuedConnection);
        }
    });
    m_indexThread->setObjectName(QStringLiteral("member-index"));
    m_indexThread->start(QThread::LowPriority);
}

void MemberTableModel::installIndex(std::shared_ptr<MemberIndex> index, qint64 generation)
{
    if (generation != m_indexGeneration)
        return;
    if (m_indexThread) {
        m_indexThread->wait();
        delete m_indexThread;
        m_indexThread = nullptr;
    }
    m_index = std::move(index);
    m_indexFailed = false;
    // Members edited here while the index was being read from the file.
    for (qint64 id : std::as_const(m_changedDuringBuild)) {
        auto member = m_repository.find(id);
        if (member.ok())
            m_index->upsert(member.value());
        else
            m_index->remove(id);
    }
    m_changedDuringBuild.clear();
    reload();
    Q_EMIT indexReady();
}

} // namespace Storage
