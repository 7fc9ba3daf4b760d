#include "MemberActions.h"

#include "MemberEditorDialog.h"
#include "MessageBox.h"
#include "WorkAside.h"

#include "AppContext.h"
#include "consent/MemberPrivacy.h"
#include "storage/ChangeFeed.h"
#include "storage/Database.h"
#include "storage/MemberTableModel.h"

#include <QItemSelectionModel>
#include <QLocale>
#include <QMessageBox>
#include <QScopeGuard>
#include <QTableView>

#include <algorithm>

namespace Gui {

MemberActions::MemberActions(AppContext &context, QTableView *table, Storage::MemberTableModel *model,
                             Storage::ChangeFeed *feed, Choices choices)
    : QObject(table), m_context(context), m_table(table), m_model(model), m_feed(feed), m_choices(std::move(choices))
{}

void MemberActions::select(qint64 id)
{
    const int row = m_model->rowOfMember(id);
    if (row < 0)
        return;
    m_table->selectRow(row);
    m_table->scrollTo(m_model->index(row, 0));
}

void MemberActions::newMember()
{
    MemberEditorDialog dialog(m_context.members(), m_table->window());
    const auto [sections, categories] = m_choices();
    dialog.setChoices(sections, categories);
    connect(&dialog, &MemberEditorDialog::memberSaved, m_model, &Storage::MemberTableModel::memberSaved);
    if (dialog.exec() == QDialog::Accepted) {
        select(dialog.savedMember().id);
        Q_EMIT message(tr("%1 was added.").arg(dialog.savedMember().displayName()), 5000);
    }
}

void MemberActions::editCurrent(bool consentTab)
{
    const qint64 id = m_model->memberIdAt(m_table->currentIndex().row());
    if (id == 0)
        return;
    auto member = m_context.members().find(id);
    if (!member.ok()) {
        MessageBox::critical(m_table->window(), tr("Carnet"), member.error().message);
        return;
    }
    MemberEditorDialog dialog(m_context.members(), m_table->window());
    const auto [sections, categories] = m_choices();
    dialog.setChoices(sections, categories);
    dialog.setMember(member.value());
    dialog.enableConsent(m_context);
    if (const Storage::Access &access = m_context.database().access(); !access.canEdit())
        dialog.setReadOnly(access.needEditor());
    if (consentTab)
        dialog.showConsentTab();
    if (m_feed) {
        // The others see this member as being edited while the dialog is open; this one sees them.
        m_feed->beginEditing(id);
        dialog.setOtherEditors(m_feed->editorsOf(id));
        connect(m_feed, &Storage::ChangeFeed::editorsChanged, &dialog,
                [this, &dialog, id] { dialog.setOtherEditors(m_feed->editorsOf(id)); });
    }
    const auto stopEditing = qScopeGuard([this, id] {
        if (m_feed)
            m_feed->endEditing(id);
    });
    connect(&dialog, &MemberEditorDialog::memberSaved, m_model, &Storage::MemberTableModel::memberSaved);
    connect(&dialog, &MemberEditorDialog::consentChanged, this, &MemberActions::consentChanged);
    connect(&dialog, &MemberEditorDialog::memberErased, this, [this](qint64 erased) {
        m_model->memberRemoved(erased);
        Q_EMIT consentChanged();
        Q_EMIT message(tr("The member was erased."), 8000);
    });
    if (dialog.exec() == QDialog::Accepted)
        select(id);
}

void MemberActions::deleteSelected()
{
    // The members as the table shows them: a member someone changed since is not deleted unseen.
    QList<Core::Member> shown;
    // A selection of many rows is a few ranges: counted, and walked, without a list of every row's index.
    const QItemSelection selection = m_table->selectionModel()->selection();
    qint64 selected = 0;
    for (const QItemSelectionRange &range : selection)
        selected += range.height(); // rows are selected whole in this table
    if (selected > kDeleteOneByOneUpTo) {
        deleteMany(selection);
        return;
    }
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        shown.append(m_model->memberAt(index.row()));
    if (shown.isEmpty() && m_table->currentIndex().isValid())
        shown.append(m_model->memberAt(m_table->currentIndex().row()));
    shown.removeIf([](const Core::Member &m) { return m.id == 0; });
    if (shown.isEmpty())
        return;
    QString question;
    if (shown.size() == 1) {
        question = tr("Delete %1 from the member list? This cannot be undone.").arg(shown.first().displayName());
    } else {
        const int count = int(shown.size());
        question = tr("Delete these %n members from the member list? This cannot be undone.", nullptr, count);
    }
    if (MessageBox::question(m_table->window(), tr("Delete members"), question, QMessageBox::Yes | QMessageBox::Cancel,
                             QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    // Each member deleted at once; the file rewritten once afterwards, aside (on a server, VACUUM FULL may wait
    // for another session's transaction: never on the window's thread).
    bool anyRemoved = false;
    const auto rewriteAside = qScopeGuard([&] {
        if (!anyRemoved)
            return;
        (void)WorkAside::run(
            m_context, m_table->window(), tr("Overwriting the deleted data…"),
            [](AppContext &aside, const WorkAside::Progress &) { return aside.privacy().rewriteAfterRemovals(); });
    });
    for (const Core::Member &member : std::as_const(shown)) {
        auto removed =
            m_context.privacy().removeMember(member.id, member.version, Consent::MemberPrivacy::Rewrite::Later);
        if (!removed.ok() && removed.error().code == Core::Error::Code::Stale) {
            // Changed by another volunteer since it was shown: say what, and delete only if still wanted.
            auto current = m_context.members().find(member.id);
            if (!current.ok()) {
                MessageBox::critical(m_table->window(), tr("Delete members"), current.error().message);
                break;
            }
            const QStringList changes = MemberEditorDialog::changedFields(member, current.value());
            const QString who = current.value().updatedBy.isEmpty() ? tr("Someone else") : current.value().updatedBy;
            QMessageBox box(QMessageBox::Warning, tr("Changed meanwhile"),
                            tr("%1 changed %2 at %3, after this list showed it. Delete it anyway?")
                                .arg(who, current.value().displayName(),
                                     QLocale().toString(current.value().updatedAt.toLocalTime(), QLocale::ShortFormat)),
                            QMessageBox::Yes | QMessageBox::No, m_table->window());
            box.setDefaultButton(QMessageBox::No);
            box.setObjectName(QStringLiteral("deleteConflict"));
            if (!changes.isEmpty())
                box.setInformativeText(tr("Their changes:") + QStringLiteral("\n• ") +
                                       changes.join(QStringLiteral("\n• ")));
            const QMessageBox::StandardButton answer = MessageBox::answerFor(box);
            m_model->memberSaved(current.value()); // the table shows what is there now
            if (answer != QMessageBox::Yes)
                continue;
            removed = m_context.privacy().removeMember(member.id, current.value().version,
                                                       Consent::MemberPrivacy::Rewrite::Later);
        }
        if (!removed.ok()) {
            MessageBox::critical(m_table->window(), tr("Delete members"), removed.error().message);
            break;
        }
        anyRemoved = true;
        m_model->memberRemoved(member.id);
    }
}

std::vector<int> MemberActions::selectedRows(const QItemSelection &selection)
{
    std::vector<int> rows; // ranges of different columns may cover the same rows
    for (const QItemSelectionRange &range : selection) {
        for (int row = range.top(); row <= range.bottom(); ++row)
            rows.push_back(row);
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return rows;
}

void MemberActions::deleteMany(const QItemSelection &selection)
{
    // Many members (a selection of all, a hundred thousand): their ids and the versions the table showed (0 for
    // rows nobody looked at), deleted aside with progress and Cancel, the window answering meanwhile.
    const std::vector<int> rows = selectedRows(selection);
    std::vector<std::pair<qint64, qint64>> chosen;
    chosen.reserve(rows.size());
    for (int row : rows) {
        if (const qint64 id = m_model->memberIdAt(row); id > 0)
            chosen.emplace_back(id, m_model->shownVersion(row));
    }
    const int count = int(chosen.size());
    if (MessageBox::question(m_table->window(), tr("Delete members"),
                             tr("Delete these %n members from the member list? This cannot be undone.", nullptr, count),
                             QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    int deleted = 0;
    std::vector<std::pair<qint64, qint64>> changed; // by someone else since the table showed them
    auto run = [&](const std::vector<std::pair<qint64, qint64>> &members) {
        return WorkAside::run(m_context, m_table->window(), tr("Deleting %n members…", nullptr, int(members.size())),
                              [&](AppContext &aside, const WorkAside::Progress &progress) -> Core::Result<void> {
                                  // A transaction per 200 members: a stop keeps what was deleted, and loses nothing
                                  // else.
                                  constexpr size_t kChunk = 200;
                                  for (size_t start = 0; start < members.size(); start += kChunk) {
                                      if (!progress(int(start), int(members.size())))
                                          return Core::Error::make(Core::Error::Code::Cancelled, QString());
                                      const size_t end = std::min(members.size(), start + kChunk);
                                      int inChunk = 0;
                                      std::vector<std::pair<qint64, qint64>> stale;
                                      auto written = aside.database().write([&]() -> Core::Result<void> {
                                          for (size_t i = start; i < end; ++i) {
                                              auto removed =
                                                  aside.privacy().removeMember(members[i].first, members[i].second,
                                                                               Consent::MemberPrivacy::Rewrite::Later);
                                              if (!removed.ok() && removed.error().code == Core::Error::Code::Stale) {
                                                  stale.push_back(members[i]);
                                                  continue;
                                              }
                                              if (!removed.ok() && removed.error().code != Core::Error::Code::NotFound)
                                                  return removed.error(); // already gone: nothing to do
                                              inChunk += removed.ok() ? 1 : 0;
                                          }
                                          return {};
                                      });
                                      if (!written.ok())
                                          return written.error();
                                      deleted += inChunk;
                                      changed.insert(changed.end(), stale.begin(), stale.end());
                                  }
                                  // Once for the whole selection, outside any transaction: the deleted rows
                                  // overwritten in the file.
                                  return aside.privacy().rewriteAfterRemovals();
                              });
    };
    m_model->holdOutsideChecks(true);
    auto done = run(chosen);
    if (done.ok() && !changed.empty()) {
        // Changed by another volunteer since this list showed them: deleted only when still wanted.
        QMessageBox box(QMessageBox::Warning, tr("Changed meanwhile"),
                        tr("%n member(s) were changed by someone else after this list showed them. Delete them "
                           "anyway?",
                           nullptr, int(changed.size())),
                        QMessageBox::Yes | QMessageBox::No, m_table->window());
        box.setDefaultButton(QMessageBox::No);
        box.setObjectName(QStringLiteral("deleteManyConflict"));
        if (MessageBox::answerFor(box) == QMessageBox::Yes) {
            for (auto &member : changed)
                member.second = 0; // as they are now
            auto again = std::move(changed);
            done = run(again);
        }
    }
    m_model->holdOutsideChecks(false);
    m_model->membersReplaced(); // one reading of the list, rather than a row at a time
    if (!done.ok() && done.error().code == Core::Error::Code::Cancelled)
        Q_EMIT message(tr("Stopped: %n member(s) deleted, the others kept.", nullptr, deleted), 10000);
    else if (!done.ok())
        MessageBox::critical(m_table->window(), tr("Delete members"),
                             tr("%n member(s) deleted, then: %1", nullptr, deleted).arg(done.error().message));
    else
        Q_EMIT message(tr("%n member(s) deleted.", nullptr, deleted), 5000);
}

} // namespace Gui
