#include "MailboxChecker.h"

#include "AppContext.h"
#include "mail/smtp/SmtpTransport.h"
#include "settings/CredentialStore.h"

#include <QLocale>
#include <QThread>
#include <QTimer>

namespace Gui {

namespace {

// What one operation needs on the worker thread, created and destroyed there (the member file's connection
// belongs to the thread that opened it). Deleted when the thread finishes.
struct MailboxWork : QObject
{
    std::unique_ptr<AppContext> context;
    std::unique_ptr<Mail::MailboxRunner> runner;
    QByteArray fetched;
    ~MailboxWork() override
    {
        runner.reset();
        context.reset();
    }
};

} // namespace

MailboxChecker::MailboxChecker(AppContext &context, QObject *parent) : QObject(parent), m_context(context)
{
    m_timer = new QTimer(this);
    connect(m_timer, &QTimer::timeout, this, &MailboxChecker::checkNow);
    reschedule();
    // The first check a little after the window opens, once the table is on screen.
    if (m_timer->isActive())
        QTimer::singleShot(10 * 1000, this, &MailboxChecker::checkNow);
}

MailboxChecker::~MailboxChecker()
{
    if (m_thread) {
        // The chunk being processed commits (or not) as a whole; the next run takes up what is left.
        m_thread->quit();
        m_thread->wait();
    }
}

bool MailboxChecker::isAllowed() const
{
    const Storage::Access &access = m_context.database().access();
    return access.canAdminister() && !access.limited();
}

void MailboxChecker::reschedule()
{
    m_timer->stop();
    auto account = Mail::MailboxAccount::load(m_context.databaseSettings());
    if (!isAllowed() || !account.ok() || !account.value().isConfigured() || account.value().everyMinutes <= 0)
        return;
    m_timer->start(account.value().everyMinutes * 60 * 1000);
}

void MailboxChecker::checkNow()
{
    if (m_thread) // a run under way (or an undo's move): this one would find nothing more
        return;
    start(Operation::Run, {}, {});
}

void MailboxChecker::moveBack(const Mail::ReturnRecord &record)
{
    start(Operation::MoveBack, record, {});
}

void MailboxChecker::fetch(const Mail::MailboxPlace &place)
{
    start(Operation::Fetch, {}, place);
}

void MailboxChecker::start(Operation operation, const Mail::ReturnRecord &record, const Mail::MailboxPlace &place)
{
    auto refuse = [this, operation](const QString &why) {
        if (operation == Operation::Run)
            Q_EMIT checked({}, why);
        else if (operation == Operation::MoveBack)
            Q_EMIT movedBack(why);
        else
            Q_EMIT fetched({}, why);
    };
    if (m_thread) {
        // An undo's move back or a message to open waits for the run under way; another run is not needed.
        if (operation == Operation::Run)
            refuse(tr("The mailbox is being read; try again in a moment."));
        else
            m_waiting.append([this, operation, record, place] { start(operation, record, place); });
        return;
    }
    if (!isAllowed()) {
        refuse(m_context.database().access().needAdmin());
        return;
    }
    auto account = Mail::MailboxAccount::load(m_context.databaseSettings());
    if (!account.ok() || !account.value().isConfigured()) {
        refuse(tr("No mailbox is set up: Edit › Mailbox…"));
        return;
    }
    const Mail::MailboxAccount a = account.value();
    if (!m_context.sessionMailboxPassword().isEmpty()) {
        launch(operation, record, place, m_context.sessionMailboxPassword());
        return;
    }
    // From the keychain, when the user kept it there.
    const QString key = a.credentialKey();
    connect(
        &m_context.credentials(), &Settings::CredentialStore::readDone, this,
        [this, key, operation, record, place, refuse](const QString &k, const QString &secret, const QString &) {
            if (k != key)
                return;
            if (!secret.isEmpty()) {
                m_context.setSessionMailboxPassword(secret);
                launch(operation, record, place, secret);
                return;
            }
            const QString why = tr("The mailbox's password is not known: give it in Edit › Mailbox….");
            if (operation != Operation::Run || !m_toldAboutPassword)
                Q_EMIT message(why);
            m_toldAboutPassword = true;
            refuse(why);
        },
        Qt::SingleShotConnection);
    m_context.credentials().read(key);
}

void MailboxChecker::launch(Operation operation, const Mail::ReturnRecord &record, const Mail::MailboxPlace &place,
                            const QString &password)
{
    if (m_thread) { // started meanwhile (the keychain answers asynchronously)
        m_waiting.append([this, operation, record, place, password] { launch(operation, record, place, password); });
        return;
    }
    auto account = Mail::MailboxAccount::load(m_context.databaseSettings());
    if (!account.ok())
        return;
    Mail::MailboxRunner::TransportFactory transports = m_transports;
    if (!transports) {
        auto factory = Smtp::SslTransport::factory(account.value().caFile, account.value().trustFingerprint);
        if (!factory.ok()) {
            done(operation, factory.error(), {});
            return;
        }
        transports = factory.value();
    }
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("mailbox"));
    auto *work = new MailboxWork;
    work->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, work, &QObject::deleteLater);
    connect(m_thread, &QThread::finished, this, [this] {
        m_thread->deleteLater();
        m_thread = nullptr;
        Q_EMIT busyChanged(false);
        if (!m_waiting.isEmpty())
            m_waiting.takeFirst()();
    });
    const QString path = m_context.database().connectPath();
    const Mail::MailboxAccount a = account.value();
    // The window's time (injected, as everywhere): the run's records are dated when it started.
    const QDateTime now = m_context.clock().now();
    // On the worker thread: the member file opened there, the runner created and driven there.
    QMetaObject::invokeMethod(work, [this, work, path, now, a, password, transports, operation, record, place] {
        auto finish = [this, work, operation](const Core::Result<Mail::MailboxRunSummary> &result) {
            const QByteArray bytes = work->fetched;
            QMetaObject::invokeMethod(
                this, [this, operation, result, bytes] { done(operation, result, bytes); }, Qt::QueuedConnection);
            QThread::currentThread()->quit();
        };
        auto context = AppContext::open(path, std::make_unique<Core::FrozenClock>(now));
        if (!context.ok()) {
            finish(context.error());
            return;
        }
        work->context = std::move(context).value();
        work->runner = std::make_unique<Mail::MailboxRunner>(a, password, transports, work->context->returnedMail());
        Mail::MailboxRunner *runner = work->runner.get();
        connect(runner, &Mail::MailboxRunner::finished, work, finish);
        connect(runner, &Mail::MailboxRunner::fetched, work, [work](const QByteArray &m) { work->fetched = m; });
        connect(runner, &Mail::MailboxRunner::progress, work, [this](int n, int total) {
            QMetaObject::invokeMethod(
                this, [this, n, total] { Q_EMIT progress(n, total); }, Qt::QueuedConnection);
        });
        connect(runner, &Mail::MailboxRunner::certificateRefused, work, [this](const Smtp::CertificateInfo &c) {
            const QString text = tr("The mailbox server's certificate was refused (%1): check it in Edit › Mailbox….")
                                     .arg(c.errors.join(QStringLiteral("; ")));
            QMetaObject::invokeMethod(
                this, [this, text] { Q_EMIT message(text); }, Qt::QueuedConnection);
        });
        switch (operation) {
        case Operation::Run: runner->run(); break;
        case Operation::MoveBack: runner->moveBack(record); break;
        case Operation::Fetch: runner->fetch(place); break;
        }
    });
    m_thread->start(QThread::LowPriority);
    Q_EMIT busyChanged(true);
}

void MailboxChecker::done(Operation operation, const Core::Result<Mail::MailboxRunSummary> &result,
                          const QByteArray &bytes)
{
    const QString error = result.ok() ? QString() : result.error().message;
    switch (operation) {
    case Operation::Run: {
        m_lastCheck = m_context.clock().now();
        const Mail::MailboxRunSummary summary = result.ok() ? result.value() : Mail::MailboxRunSummary();
        m_lastResult = error.isEmpty() ? describe(summary) : tr("The mailbox could not be read: %1").arg(error);
        if (!error.isEmpty() || summary.read > 0)
            Q_EMIT message(m_lastResult);
        Q_EMIT checked(summary, error);
        if (summary.read > summary.left)
            Q_EMIT acted();
        break;
    }
    case Operation::MoveBack: Q_EMIT movedBack(error); break;
    case Operation::Fetch: Q_EMIT fetched(bytes, error); break;
    }
}

QString MailboxChecker::describe(const Mail::MailboxRunSummary &s)
{
    if (s.read == 0)
        return tr("Mailbox: nothing new.");
    QStringList parts;
    auto count = [&s](Mail::ReturnAction action) { return s.actions.value(Mail::actionKey(action)); };
    if (int n = count(Mail::ReturnAction::MarkedUndeliverable))
        parts.append(tr("%n address(es) marked undeliverable", nullptr, n));
    if (int n = count(Mail::ReturnAction::Counted))
        parts.append(tr("%n temporary failure(s) counted", nullptr, n));
    if (int n = count(Mail::ReturnAction::Withdrawn))
        parts.append(tr("%n complaint(s): consent withdrawn", nullptr, n));
    if (int n = count(Mail::ReturnAction::Unsubscribed))
        parts.append(tr("%n unsubscribe request(s) honoured", nullptr, n));
    if (int n = count(Mail::ReturnAction::Away))
        parts.append(tr("%n auto-reply(ies)", nullptr, n));
    if (int n = count(Mail::ReturnAction::Policy))
        parts.append(tr("%n refused by a server's policy", nullptr, n));
    if (s.left > 0)
        parts.append(tr("%n left for you to read", nullptr, s.left));
    QString text = tr("Mailbox: %n message(s) read", nullptr, s.read);
    if (!parts.isEmpty())
        text += QStringLiteral(" — ") + QLocale().createSeparatedList(parts);
    return text + QLatin1Char('.');
}

} // namespace Gui
