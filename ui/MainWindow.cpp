#include "MainWindow.h"

#include "AuditLogDialog.h"
#include "BackgroundSender.h"
#include "ColumnChooser.h"
#include "ConsentColumns.h"
#include "ConsentDialog.h"
#include "CopyAddressesDialog.h"
#include "FileActions.h"
#include "ImportWizard.h"
#include "MailingActions.h"
#include "MemberActions.h"
#include "MemberRowDelegate.h"
#include "MessageBox.h"
#include "OrganisationDialog.h"
#include "OutboxDialog.h"
#include "PanelCounts.h"
#include "ReportActions.h"
#include "SelectionPanel.h"
#include "SettingsDialog.h"
#include "SmtpAccountDialog.h"
#include "VolunteersDialog.h"
#include "WelcomeWidget.h"

#include "AppContext.h"
#include "import/TableSource.h"
#include "mail/Outbox.h"
#include "mail/SmtpAccount.h"
#include "settings/CredentialStore.h"
#include "storage/AuditLog.h"
#include "storage/ChangeFeed.h"
#include "storage/MemberTableModel.h"
#include "storage/SettingsRepository.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProcess>
#include <QSettings>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace Gui {

namespace {
QSettings uiSettings()
{
    return QSettings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("Carnet"), QStringLiteral("carnet"));
}

Consent::ConsentSelection consentSelection(const Storage::Selection &selection)
{
    using Storage::Selection;
    return selection.kind == Selection::Kind::ConsentExpiring    ? Consent::ConsentSelection::Expiring
           : selection.kind == Selection::Kind::ConsentWithdrawn ? Consent::ConsentSelection::Withdrawn
                                                                 : Consent::ConsentSelection::Missing;
}
} // namespace

MainWindow::MainWindow(AppContext &context, QWidget *parent) : QMainWindow(parent), m_context(context)
{
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true); // a spreadsheet dropped anywhere on the window is imported
    // The file's name in the title (Qt adds "— Carnet"), its whole path in the status bar.
    setFileLabel(m_context.database().location().isServer() ? m_context.database().displayName()
                                                            : QFileInfo(m_context.database().path()).fileName());
    resize(1200, 720);

    m_model = new Storage::MemberTableModel(m_context.members(), m_context.clock(), this);
    // Consent: a column per purpose, and the side panel's consent selections resolved by the service.
    m_consentColumns =
        std::make_unique<ConsentColumns>(m_context.consent(), m_context.clock(), &m_context.returnedMail());
    m_model->setColumnProvider(m_consentColumns.get());
    m_model->setSelectionResolver([this](const Storage::Selection &selection) {
        using Storage::Selection;
        if (selection.kind == Selection::Kind::Report)
            return m_reports->resolve(selection);
        if (selection.kind == Selection::Kind::Undeliverable) {
            auto marked = m_context.returnedMail().undeliverable().members();
            if (!marked.ok())
                return Core::Result<std::vector<qint64>>(marked.error());
            std::vector<qint64> ids(marked.value().begin(), marked.value().end());
            std::sort(ids.begin(), ids.end());
            return Core::Result<std::vector<qint64>>(std::move(ids));
        }
        if (selection.kind == Selection::Kind::Invitation) {
            Mail::Campaign invited;
            invited.audience = selection.value;
            return m_context.campaigns().audience(invited);
        }
        const Consent::ConsentSelection kind = consentSelection(selection);
        QApplication::setOverrideCursor(Qt::WaitCursor);
        auto ids = m_context.consent().select(selection.value, kind);
        QApplication::restoreOverrideCursor();
        return ids;
    });
    // A large list's consent selection is decided on the worker that reads it, with its own connection.
    m_model->setWorkerResolver(
        [&clock = m_context.clock()](Storage::Database &database, const Storage::Selection &selection)
            -> std::optional<Core::Result<std::vector<qint64>>> {
            if (!selection.isConsent())
                return std::nullopt;
            Storage::MemberRepository members(database, clock);
            Storage::AuditLog audit(database, clock);
            Storage::SettingsRepository settings(database);
            Consent::ConsentService consent(database, members, audit, settings, clock);
            return consent.select(selection.value, consentSelection(selection));
        });

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("memberTable"));
    m_table->setModel(m_model);
    m_table->setItemDelegate(new MemberRowDelegate(m_table));
    // A shared member file: what the other volunteers change shows here as they commit it.
    m_feed = Storage::ChangeFeed::create(m_context.database());
    if (m_feed) {
        m_model->setChangeFeed(m_feed.get());
        connect(m_feed.get(), &Storage::ChangeFeed::consentChanged, this, &MainWindow::consentChanged);
        connect(m_feed.get(), &Storage::ChangeFeed::allConsentChanged, this, &MainWindow::consentChanged);
        connect(m_feed.get(), &Storage::ChangeFeed::purposesChanged, this, [this] {
            m_consentColumns->reloadPurposes();
            m_model->providerChanged();
            m_counts->refresh(true);
        });
    }
    // The model starts sorted by last name: the header says so before sorting is switched on, so that the
    // view does not ask for another order first.
    m_sortColumn = m_model->columnOf(Core::MemberField::LastName);
    m_table->horizontalHeader()->setSortIndicator(m_sortColumn, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->setAccessibleName(tr("Members"));

    m_panel = new SelectionPanel(this);
    m_counts = new PanelCounts(m_context, m_panel, this);
    connect(m_counts, &PanelCounts::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_panel);
    splitter->addWidget(m_table);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({330, 870}); // room for the French labels and their counts

    m_welcome = new WelcomeWidget(this);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_welcome);
    m_stack->addWidget(splitter);
    setCentralWidget(m_stack);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setPlaceholderText(tr("Search names, email, member number, city (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(340);
    m_search->setAccessibleName(tr("Search members"));

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("memberCount"));
    statusBar()->addPermanentWidget(m_status);
    auto *location = new QLabel(this);
    location->setObjectName(QStringLiteral("fileLocation"));
    if (m_context.database().location().isServer()) {
        location->setText(tr("Server: %1").arg(m_context.database().displayName()));
        location->setToolTip(tr("The board's shared member file, on a PostgreSQL server"));
    } else {
        const QString native = QDir::toNativeSeparators(m_context.database().path());
        location->setText(tr("File: %1").arg(QFileInfo(native).fileName()));
        location->setToolTip(native);
    }
    location->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(location);
    if (m_context.database().location().isServer()) {
        // Who is connected, as what: the server enforces it; the window says it.
        auto *access = new QLabel(m_context.database().access().describe(), this);
        access->setObjectName(QStringLiteral("accessLabel"));
        access->setToolTip(tr("Your login on this member file, its role and the sections it is limited to"));
        statusBar()->addPermanentWidget(access);
    }
    // A search or a selection that shows nobody says so, rather than a blank table.
    m_emptyNote = new QLabel(m_table->viewport());
    m_emptyNote->setObjectName(QStringLiteral("emptyResult"));
    m_emptyNote->setAlignment(Qt::AlignCenter);
    m_emptyNote->setWordWrap(true);
    m_emptyNote->hide();
    (new QVBoxLayout(m_table->viewport()))->addWidget(m_emptyNote); // centred however the table is resized

    // The consent columns sit beside the email address, where a mailing decision is made.
    {
        QHeaderView *header = m_table->horizontalHeader();
        const int after = header->visualIndex(m_model->columnOf(Core::MemberField::Email));
        for (int i = 0; i < m_consentColumns->columnCount(); ++i) {
            const int logical = m_model->columnCount() - m_consentColumns->columnCount() + i;
            header->moveSection(header->visualIndex(logical), after + 1 + i);
        }
    }
    m_columns = new ColumnChooser(m_table->horizontalHeader(), this);
    m_columns->restore();
    m_reports = new ReportActions(m_context, this, m_panel, m_model);
    connect(m_reports, &ReportActions::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    m_mailings =
        new MailingActions(m_context, this, [this] { return m_model->memberIdAt(m_table->currentIndex().row()); });
    connect(m_mailings, &MailingActions::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(m_mailings, &MailingActions::consentChanged, this, &MainWindow::consentChanged);
    if (m_feed) {
        m_mailings->setChangeFeed(m_feed.get());
        // Another computer's invitations move members between the invitation selections.
        connect(m_feed.get(), &Storage::ChangeFeed::mailChanged, this, &MainWindow::refreshInvitationCounts);
    }
    connect(m_panel, &SelectionPanel::invitationRequested, m_mailings, &MailingActions::sendInvitations);
    m_memberActions = new MemberActions(m_context, m_table, m_model, m_feed.get(), [this] {
        return std::pair{m_panel->sections(), m_panel->categories()};
    });
    connect(m_memberActions, &MemberActions::message, this,
            [this](const QString &text, int timeout) { statusBar()->showMessage(text, timeout); });
    connect(m_memberActions, &MemberActions::consentChanged, this, &MainWindow::consentChanged);
    createActions();

    connect(m_search, &QLineEdit::textChanged, m_model, &Storage::MemberTableModel::setSearchText);
    connect(m_panel, &SelectionPanel::selectionChanged, m_reports, &ReportActions::choose);
    connect(m_model, &Storage::MemberTableModel::countsChanged, this, &MainWindow::updateStatus);
    // A large list read or sorted on a worker: the table shows the old list until the new one is there.
    connect(m_model, &Storage::MemberTableModel::readingChanged, this, [this](bool reading) {
        const QString message = tr("Reading the list…");
        if (reading)
            statusBar()->showMessage(message);
        else if (statusBar()->currentMessage() == message)
            statusBar()->clearMessage();
    });
    connect(m_model, &Storage::MemberTableModel::membersChanged, this, &MainWindow::refreshCounts);
    connect(m_model, &Storage::MemberTableModel::indexReady, this, &MainWindow::updateStatus);
    connect(m_model, &Storage::MemberTableModel::errorOccurred, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    // The server stopped answering: said until it answers again (Carnet reconnects by itself).
    auto *link = new QLabel(tr("Connection lost — reconnecting…"), this);
    link->setObjectName(QStringLiteral("connectionLost"));
    link->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
    link->hide();
    statusBar()->insertPermanentWidget(0, link);
    connect(m_model, &Storage::MemberTableModel::connectionChanged, this, [this, link](bool connected) {
        link->setVisible(!connected);
        if (connected)
            statusBar()->showMessage(tr("Connected to the server again."), 5000);
    });
    connect(m_table, &QTableView::activated, this, [this] { editCurrentMember(); });
    connect(m_table->horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
            [this](const QPoint &pos) { m_columns->popup(m_table->horizontalHeader()->mapToGlobal(pos)); });
    connect(m_welcome, &WelcomeWidget::addMemberRequested, this, &MainWindow::newMember);
    connect(m_welcome, &WelcomeWidget::demoRequested, this, &MainWindow::openDemo);

    const QByteArray geometry = uiSettings().value(QStringLiteral("ui/mainWindow/geometry")).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    updatePage();
    updateStatus();
    // The side panel's counts come just after the table is on screen.
    QTimer::singleShot(0, this, &MainWindow::refreshCounts);
    QTimer::singleShot(0, this, [this] { m_counts->refresh(true); });
    QTimer::singleShot(0, m_reports, &ReportActions::refreshPanel);
    // What the outbox still holds goes by itself, within the account's limits.
    m_sender = new BackgroundSender(m_context, this);
    connect(m_sender, &BackgroundSender::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 15000); });
    connect(m_sender, &BackgroundSender::stopped, this, [this] {
        if (m_quitWhenStopped)
            QTimer::singleShot(0, this, &QWidget::close);
    });
    fitColumns();
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateActions);
    // The consent columns are worked out page by page: they are not sortable (yet); say so rather than
    // moving the arrow over an order that did not change.
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            [this](int column, Qt::SortOrder order) {
                if (!m_model->isProviderColumn(column)) {
                    m_sortColumn = column;
                    m_sortOrder = order;
                    return;
                }
                const QSignalBlocker block(m_table->horizontalHeader());
                m_table->horizontalHeader()->setSortIndicator(m_sortColumn, m_sortOrder);
                statusBar()->showMessage(
                    tr("The consent columns cannot be sorted; the side panel's consent selections list "
                       "who has none, whose is expiring and who withdrew."),
                    10000);
            });
    updateActions();
}

MainWindow::~MainWindow()
{
    m_model->setColumnProvider(nullptr);
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *add =
        file->addAction(QIcon::fromTheme(QStringLiteral("list-add")), tr("&New member…"), this, &MainWindow::newMember);
    add->setObjectName(QStringLiteral("newMemberAction"));
    add->setShortcut(QKeySequence::New);
    QAction *importAction =
        file->addAction(QIcon::fromTheme(QStringLiteral("document-import")), tr("&Import members…"), this, [this] {
            const QStringList paths =
                QFileDialog::getOpenFileNames(this, tr("Import members"), QString(),
                                              tr("Member lists (*.xlsx *.ods *.csv *.txt *.tsv);;All files (*)"));
            importFiles(paths);
        });
    importAction->setObjectName(QStringLiteral("importAction"));
    importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    file->addSeparator();
    auto *fileActions = new FileActions(m_context, this);
    fileActions->addTo(file);
    connect(fileActions, &FileActions::membersReplaced, m_model, &Storage::MemberTableModel::membersReplaced);
    connect(fileActions, &FileActions::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    file->addSeparator();
    QAction *demo = file->addAction(tr("Open the &demo association"), this, &MainWindow::openDemo);
    demo->setObjectName(QStringLiteral("openDemoAction"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *editMember = edit->addAction(QIcon::fromTheme(QStringLiteral("document-edit")), tr("&Edit member…"), this,
                                          [this] { editCurrentMember(); });
    editMember->setObjectName(QStringLiteral("editMemberAction"));
    m_editAction = editMember;
    QAction *remove = edit->addAction(QIcon::fromTheme(QStringLiteral("edit-delete")), tr("&Delete member…"), this,
                                      &MainWindow::deleteSelectedMembers);
    remove->setObjectName(QStringLiteral("deleteMemberAction"));
    m_deleteAction = remove;
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_table->addAction(remove); // Delete acts on the table only, never while typing in the search box
    edit->addSeparator();
    QAction *find = edit->addAction(tr("&Find"), this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    edit->addSeparator();
    QAction *smtp = edit->addAction(tr("&Sending account…"), this, [this] {
        SmtpAccountDialog dialog(m_context, {}, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        QTimer::singleShot(0, this, &MainWindow::resumeSending); // anything waiting can go now
        if (m_context.sessionSmtpPassword().isEmpty())
            return;
        // Kept in the system keychain when there is one; otherwise for this session only.
        auto account = Mail::SmtpAccount::load(m_context.databaseSettings());
        if (!account.ok() || account.value().user.isEmpty())
            return;
        const QString key = Settings::CredentialStore::smtpKey(account.value().user, account.value().host);
        connect(
            &m_context.credentials(), &Settings::CredentialStore::writeDone, this,
            [this, key](const QString &k, const QString &error) {
                if (k != key)
                    return;
                statusBar()->showMessage(
                    error.isEmpty() && m_context.credentials().isPersistent()
                        ? tr("The password is kept in the system keychain.")
                        : tr("No keychain here (%1): the password is kept for this session only.").arg(error),
                    10000);
            },
            Qt::SingleShotConnection);
        m_context.credentials().write(key, m_context.sessionSmtpPassword());
    });
    smtp->setObjectName(QStringLiteral("smtpAccountAction"));
    QAction *mailbox = m_mailings->mailboxAccountAction();
    edit->addAction(mailbox);
    QAction *outbox = edit->addAction(tr("&Outbox…"), this, [this] {
        OutboxDialog dialog(m_context, {}, this);
        if (m_feed) // another computer's sending shows as it goes
            connect(m_feed.get(), &Storage::ChangeFeed::mailChanged, &dialog, &OutboxDialog::refresh);
        dialog.exec();
    });
    outbox->setObjectName(QStringLiteral("outboxAction"));
    QAction *volunteers = edit->addAction(tr("&Volunteers…"), this, [this] {
        VolunteersDialog dialog(m_context, m_panel->sections(), this);
        dialog.exec();
    });
    volunteers->setObjectName(QStringLiteral("volunteersAction"));
    volunteers->setVisible(m_context.database().location().isServer());
    QAction *prefs = edit->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    prefs->setShortcut(QKeySequence::Preferences);

    QMenu *consent = menuBar()->addMenu(tr("&Consent"));
    QAction *bulk =
        consent->addAction(tr("Record consent for the members &shown…"), this, &MainWindow::recordConsentForShown);
    bulk->setObjectName(QStringLiteral("bulkConsentAction"));
    consent->addAction(tr("Consent of this &member…"), this, [this] {
        const qint64 id = m_model->memberIdAt(m_table->currentIndex().row());
        if (id != 0)
            editCurrentMember(true);
    });
    QAction *copy = consent->addAction(tr("Co&py the addresses for mailing…"), this, [this] {
        // The members shown (or the selected rows), through the consent service only.
        std::vector<qint64> ids = shownMemberIds();
        if (ids.empty())
            return;
        CopyAddressesDialog dialog(m_context, std::move(ids), this);
        if (dialog.exec() == QDialog::Accepted)
            statusBar()->showMessage(tr("The addresses are on the clipboard: paste them in the Bcc field."), 8000);
    });
    copy->setObjectName(QStringLiteral("copyAddressesAction"));
    consent->addSeparator();
    QAction *organisation = consent->addAction(tr("&Organisation and purposes…"), this, &MainWindow::showOrganisation);
    organisation->setObjectName(QStringLiteral("organisationAction"));
    QAction *audit = consent->addAction(tr("&Audit log…"), this, &MainWindow::showAuditLog);
    audit->setObjectName(QStringLiteral("auditLogAction"));

    QMenu *reports = menuBar()->addMenu(tr("&Reports"));
    QAction *newReport = reports->addAction(tr("&New report…"), m_reports, &ReportActions::newReport);
    newReport->setObjectName(QStringLiteral("newReportAction"));
    newReport->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    QAction *exportShown = reports->addAction(tr("&Export the members shown…"), this, [this] {
        // A saved report exports as itself; any other selection as the rows shown (or those selected).
        if (m_model->selection().kind == Storage::Selection::Kind::Report && m_search->text().isEmpty() &&
            selectedMemberIds().size() <= 1) {
            m_reports->exportReport(m_model->selection().value);
            return;
        }
        QString who;
        std::vector<qint64> ids = shownMemberIds(&who);
        if (!ids.empty())
            m_reports->exportShown(std::move(ids), who);
    });
    exportShown->setObjectName(QStringLiteral("exportAction"));
    exportShown->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));

    menuBar()->addMenu(m_mailings->menu());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addMenu(m_columns);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Carnet"), this, [this] {
        MessageBox::information(this, tr("About Carnet"),
                                tr("Carnet %1\nMember list, consent and mailing for small associations.")
                                    .arg(QApplication::applicationVersion()));
    });

    // What this volunteer's role does not allow is off, and says why (a local file allows everything).
    const Storage::Access &access = m_context.database().access();
    auto refuse = [](QAction *action, const QString &why) {
        action->setEnabled(false);
        action->setToolTip(why);
        action->setStatusTip(why);
    };
    if (!access.canEdit()) {
        for (QAction *action : {add, importAction, remove, bulk, copy})
            refuse(action, access.needEditor());
        for (QAction *action : m_mailings->menu()->actions())
            refuse(action, access.needEditor());
        editMember->setText(tr("&View member…"));
    }
    if (!access.canAdminister()) {
        for (QAction *action : {smtp, mailbox, organisation, volunteers})
            refuse(action, access.needAdmin());
    }
    for (QMenu *menu : {file, edit, consent, m_mailings->menu()})
        menu->setToolTipsVisible(true);

    auto *toolbar = addToolBar(tr("Members"));
    toolbar->setObjectName(QStringLiteral("membersToolbar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(add);
    toolbar->addAction(importAction);
    toolbar->addAction(editMember);
    toolbar->addAction(remove);
    // On "Never invited", the one button that invites them (Cagette's "Send invitations").
    auto *inviteButton = new QAction(tr("Send invitations…"), this);
    inviteButton->setObjectName(QStringLiteral("sendInvitationsButton"));
    inviteButton->setVisible(false);
    connect(inviteButton, &QAction::triggered, m_mailings->inviteAction(), &QAction::trigger);
    toolbar->addAction(inviteButton);
    connect(m_panel, &SelectionPanel::selectionChanged, inviteButton, [inviteButton](const Storage::Selection &s) {
        inviteButton->setVisible(s.kind == Storage::Selection::Kind::Invitation &&
                                 s.value == QLatin1String("never-invited"));
    });
    auto *spacer = new QWidget(toolbar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    toolbar->addWidget(m_search);

    auto *clearSearch = new QShortcut(QKeySequence(Qt::Key_Escape), m_search);
    clearSearch->setContext(Qt::WidgetShortcut);
    connect(clearSearch, &QShortcut::activated, this, [this] {
        m_search->clear();
        m_table->setFocus();
    });
    // Down from the search box goes to the results.
    auto *toTable = new QShortcut(QKeySequence(Qt::Key_Down), m_search);
    toTable->setContext(Qt::WidgetShortcut);
    connect(toTable, &QShortcut::activated, this, [this] {
        m_table->setFocus();
        if (!m_table->currentIndex().isValid() && m_model->rowCount() > 0)
            m_table->selectRow(0);
    });
}

void MainWindow::refreshCounts()
{
    if (!m_counts->shown()) // until the worker's counts arrive, the one the table already knows
        m_panel->setCounts({{Storage::Selection{Storage::Selection::Kind::All, {}}, m_model->totalCount()}});
    m_counts->refresh(); // the selections' counts with them, on the worker
    refreshInvitationCounts();
    updatePage();
}

bool MainWindow::countsPending() const
{
    return m_counts->pending();
}

void MainWindow::refreshInvitationCounts()
{
    m_counts->refreshInvitations(m_model->totalCount());
}

void MainWindow::updatePage()
{
    const bool empty = m_model->totalCount() == 0;
    m_stack->setCurrentIndex(empty ? 0 : 1);
    if (!empty && !m_columnsFitted && m_model->rowCount() > 0)
        fitColumns(); // the first members arrived (an import into an empty file)
}

void MainWindow::updateStatus()
{
    const int shown = m_model->rowCount();
    const int total = int(m_model->totalCount());
    QString text = tr("%n member(s) shown", nullptr, shown);
    if (shown != total)
        text += QStringLiteral(" — ") + tr("%n in total", nullptr, total);
    if (m_model->isSearchPending())
        text = tr("Preparing the search…");
    m_status->setText(text);
    const bool nobody = shown == 0 && total > 0 && !m_model->isSearchPending();
    if (nobody) {
        const QString search = m_search->text().trimmed();
        m_emptyNote->setText(search.isEmpty() ? tr("No member in this selection.")
                                              : tr("No member matches “%1”.").arg(search));
    }
    m_emptyNote->setVisible(nobody);
    updateActions();
}

void MainWindow::updateActions()
{
    const bool current = m_table->currentIndex().isValid() && m_model->rowCount() > 0;
    m_editAction->setEnabled(current);
    // Whether anything is selected, not which rows: after Select all, listing 100,000 rows here at every change
    // of the selection held the window 0.2 s.
    m_deleteAction->setEnabled(m_context.database().access().canEdit() &&
                               (current || m_table->selectionModel()->hasSelection()));
}

void MainWindow::setFileLabel(const QString &label)
{
    setWindowTitle(label);
}

// Fits the columns to the first rows, once there are rows; the user's widths are theirs afterwards.
void MainWindow::fitColumns()
{
    m_table->horizontalHeader()->setResizeContentsPrecision(200);
    m_table->resizeColumnsToContents();
    for (int column = 0; column < m_model->columnCount(); ++column)
        m_table->setColumnWidth(column, std::min(m_table->columnWidth(column), 320));
    m_columnsFitted = m_model->rowCount() > 0;
}

void MainWindow::selectMember(qint64 id)
{
    m_memberActions->select(id);
}

void MainWindow::newMember()
{
    m_memberActions->newMember();
}

void MainWindow::editCurrentMember(bool consentTab)
{
    m_memberActions->editCurrent(consentTab);
}

void MainWindow::deleteSelectedMembers()
{
    m_memberActions->deleteSelected();
}

QList<qint64> MainWindow::selectedMemberIds() const
{
    const std::vector<int> rows = MemberActions::selectedRows(m_table->selectionModel()->selection());
    QList<qint64> ids;
    ids.reserve(qsizetype(rows.size()));
    for (int row : rows)
        ids.append(m_model->memberIdAt(row));
    return ids;
}

std::vector<qint64> MainWindow::shownMemberIds(QString *who) const
{
    // Several rows selected: those; otherwise everyone the table shows (selection and search).
    const QList<qint64> chosen = selectedMemberIds();
    std::vector<qint64> ids;
    if (chosen.size() > 1) {
        ids.assign(chosen.begin(), chosen.end());
    } else {
        ids.reserve(size_t(m_model->rowCount()));
        for (int row = 0; row < m_model->rowCount(); ++row)
            ids.push_back(m_model->memberIdAt(row));
    }
    const int count = int(ids.size());
    if (who)
        *who = chosen.size() > 1
                   ? tr("%n selected member(s)", nullptr, count)
                   : tr("%n member(s) of \"%1\"", nullptr, count).arg(m_panel->currentSelection().label());
    return ids;
}

void MainWindow::recordConsentForShown()
{
    QString who;
    std::vector<qint64> ids = shownMemberIds(&who);
    if (ids.empty())
        return;
    ConsentDialog dialog(m_context.consent(), m_context.clock(), ConsentDialog::Mode::Grant, std::move(ids), who, this);
    dialog.setBulkRecorder(ConsentDialog::recordAside(m_context, &dialog));
    m_model->holdOutsideChecks(true);
    const int answer = dialog.exec();
    m_model->holdOutsideChecks(false);
    if (answer != QDialog::Accepted)
        return;
    statusBar()->showMessage(dialog.resultMessage(), 10000);
    consentChanged();
}

void MainWindow::consentChanged()
{
    m_consentColumns->clear();
    m_model->providerChanged();
    if (m_model->selection().isResolved())
        m_model->reload();
    m_counts->refresh();
    refreshInvitationCounts(); // invitations sent or answered move members between these two
}

void MainWindow::showOrganisation()
{
    OrganisationDialog dialog(m_context, this);
    bool changed = false;
    connect(&dialog, &OrganisationDialog::purposesChanged, this, [&changed] { changed = true; });
    dialog.exec();
    if (!changed)
        return;
    m_consentColumns->reloadPurposes();
    m_model->providerChanged();
    m_columns->restore();
    m_counts->refresh(true);
}

void MainWindow::resumeSending()
{
    m_sender->resume();
}

void MainWindow::showAuditLog()
{
    AuditLogDialog dialog(m_context, this);
    dialog.exec();
}

void MainWindow::showPreferences()
{
    SettingsDialog dialog(m_context.settings(), this);
    dialog.exec();
}

void MainWindow::openDemo()
{
    if (!QProcess::startDetached(QApplication::applicationFilePath(), {QStringLiteral("--demo")}))
        MessageBox::critical(this, tr("Carnet"), tr("The demo association could not be opened."));
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    const bool files =
        !urls.isEmpty() && std::all_of(urls.begin(), urls.end(), [](const QUrl &u) { return u.isLocalFile(); });
    if (files)
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        paths.append(url.toLocalFile());
    event->acceptProposedAction();
    // After the drop has returned: the wizard is modal.
    QTimer::singleShot(0, this, [this, paths] { importFiles(paths); });
}

void MainWindow::importFiles(const QStringList &paths)
{
    if (const Storage::Access &access = m_context.database().access(); !access.canEdit() && !paths.isEmpty()) {
        MessageBox::critical(this, tr("Import members"), access.needEditor());
        return;
    }
    for (const QString &path : paths) {
        // The member file itself, dropped by mistake: never read outside SQLite (that would drop its locks).
        if (QFileInfo(path) == QFileInfo(m_context.database().path())) {
            MessageBox::critical(this, tr("Import members"),
                                 tr("%1 is the member file open in this window: it cannot be imported into itself.")
                                     .arg(QFileInfo(path).fileName()));
            continue;
        }
        // Refuse what is not a spreadsheet (an image, a folder, a binary) before any wizard opens.
        auto readable = Import::TableSource::open(path);
        if (!readable.ok()) {
            MessageBox::critical(
                this, tr("Import members"),
                tr("%1 cannot be imported.\n%2").arg(QFileInfo(path).fileName(), readable.error().message));
            continue;
        }
        readable = Core::Error{};
        ImportWizard wizard(m_context, path, this);
        connect(&wizard, &ImportWizard::imported, m_model, &Storage::MemberTableModel::membersReplaced);
        connect(&wizard, &ImportWizard::undone, m_model, &Storage::MemberTableModel::membersReplaced);
        if (wizard.exec() != QDialog::Accepted && wizard.lastReport.batchId == 0)
            statusBar()->showMessage(
                tr("The import of %1 was cancelled; nothing was changed.").arg(QFileInfo(path).fileName()), 8000);
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_quitWhenStopped) {
        switch (m_sender->askBeforeQuitting(this)) {
        case BackgroundSender::Quit::Now: break;
        case BackgroundSender::Quit::AfterCurrent:
            m_quitWhenStopped = true; // closed again when the sender has stopped
            statusBar()->showMessage(tr("Finishing the message being sent, then quitting…"));
            event->ignore();
            return;
        case BackgroundSender::Quit::Stay: event->ignore(); return;
        }
    }
    QSettings settings = uiSettings();
    settings.setValue(QStringLiteral("ui/mainWindow/geometry"), saveGeometry());
    m_columns->save();
    QMainWindow::closeEvent(event);
}

} // namespace Gui
