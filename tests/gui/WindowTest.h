#pragma once

// What the window tests share: modal dialogs answered as they appear, screenshots on demand, a file
// dropped on a widget, and a fixture with a three-member database and the main window on it.
#include "TempDatabase.h"

#include "AuditLogDialog.h"
#include "ExportWizard.h"
#include "FakeSmtpTransport.h"
#include "ImportWizard.h"
#include "MainWindow.h"
#include "MemberEditorDialog.h"
#include "MessageBox.h"
#include "OutboxDialog.h"
#include "ReportWizard.h"
#include "SelectionPanel.h"
#include "SmtpAccountDialog.h"
#include "consent/ConsentService.h"
#include "core/MemberField.h"
#include "core/Translations.h"
#include "mail/MimeMessage.h"
#include "mail/Outbox.h"
#include "mail/SmtpAccount.h"
#include "reports/Report.h"
#include "storage/AuditLog.h"
#include "storage/MemberTableModel.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>

#include <QRadioButton>
#include <QScopeGuard>
#include <QTableWidget>
#include <QTreeWidget>
#include <functional>

using Gui::MainWindow;
using Gui::MemberEditorDialog;

// Runs `act` on the next modal dialog as soon as it is on screen (polling, so it does not matter
// whether the dialog is opened before or after the event loop first turns).
inline void whenModal(QObject *context, std::function<void(QWidget *)> act)
{
    auto *timer = new QTimer(context);
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, context, [timer, act] {
        QWidget *dialog = QApplication::activeModalWidget();
        if (!dialog || !dialog->isVisible())
            return;
        timer->stop();
        timer->deleteLater();
        act(dialog);
    });
    timer->start();
}
// The same, for the modal dialog with this object name (dialogs opened from dialogs).
inline void whenDialog(QObject *context, const QString &name, std::function<void(QWidget *)> act)
{
    auto *timer = new QTimer(context);
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, context, [timer, act, name] {
        QWidget *dialog = QApplication::activeModalWidget();
        if (!dialog || !dialog->isVisible() || dialog->objectName() != name)
            return;
        timer->stop();
        timer->deleteLater();
        act(dialog);
    });
    timer->start();
}

inline void saveShot(QWidget *widget, const QString &name)
{
    if (const QString dir = qEnvironmentVariable("CARNET_SCREENSHOT_DIR"); !dir.isEmpty())
        widget->grab().save(dir + QLatin1Char('/') + name);
}

inline int columnWithKey(QAbstractItemModel *model, const QString &key)
{
    for (int c = 0; c < model->columnCount(); ++c) {
        if (model->headerData(c, Qt::Horizontal, Storage::MemberTableModel::ColumnKeyRole).toString() == key)
            return c;
    }
    return -1;
}
inline void drop(QWidget *target, const QString &path)
{
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPoint at = target->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent dropped(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &dropped);
}

// A real SQLite file with three members (two sections, two categories), the user's settings cleared, and
// the main window opened on it once its search index is ready.
class WindowFixture
{
protected:
    // CARNET_TEST_LANGUAGE=fr_FR runs the same tests' screenshots in French (the assertions are English).
    static void installLanguage()
    {
        Core::Translations::install(*qApp, qEnvironmentVariable("CARNET_TEST_LANGUAGE", QStringLiteral("en")));
    }
    bool setUp()
    {
        QSettings(QSettings::IniFormat, QSettings::UserScope, QStringLiteral("Carnet"), QStringLiteral("carnet"))
            .clear();
        m_db = std::make_unique<TempDatabase>();
        if (!m_db->ok())
            return false;
        m_db->add(QString::fromUtf8("Hélène"), QString::fromUtf8("Côté"), QStringLiteral("helene@exemple.fr"),
                  QStringLiteral("CPL"), QStringLiteral("A"));
        m_db->add(QStringLiteral("Jean"), QStringLiteral("Tremblay"), QStringLiteral("jean@example.org"),
                  QStringLiteral("MPL"), QStringLiteral("B"));
        m_db->add(QString::fromUtf8("Zoé"), QStringLiteral("Gagnon"), QStringLiteral("zoe@example.org"),
                  QStringLiteral("CPL"), QStringLiteral("B"));
        Gui::MessageBox::clearNextAnswer();
        return true;
    }
    void tearDown()
    {
        Gui::MessageBox::clearNextAnswer();
        m_db.reset();
    }
    // The sending account, as the Sending account dialog would save it.
    bool saveAccount(const Mail::SmtpAccount &account)
    {
        AppContext &c = m_db->context();
        return c.database().write([&] { return Mail::SmtpAccount::save(c.databaseSettings(), account); }).ok();
    }
    // The sending account on a local test server (LocalSmtpServer: user "bureau", password "s3cr3t é"), with
    // the password given for this session, as the Sending account dialog leaves it.
    bool useLocalServer(int port)
    {
        Mail::SmtpAccount account;
        account.host = QStringLiteral("127.0.0.1");
        account.port = quint16(port);
        account.security = Smtp::Security::None;
        account.user = QStringLiteral("bureau");
        account.from = {QStringLiteral("Bureau"), QStringLiteral("bureau@asso.example.org")};
        m_db->context().setSessionSmtpPassword(QStringLiteral("s3cr3t é"));
        return saveAccount(account);
    }
    // Plain one-recipient messages "AG" / "Bonjour", built as carnet-cli mail send does, ready to queue.
    static QList<Mail::OutgoingItem> plainMessages(const Mail::Mailbox &from, const QStringList &addresses)
    {
        QList<Mail::OutgoingItem> items;
        for (const QString &to : addresses) {
            Mail::Message m;
            m.from = from;
            m.to = {{QString(), to}};
            m.subject = QStringLiteral("AG");
            m.text = QStringLiteral("Bonjour");
            auto built = Mail::Mime::build(m);
            if (built.ok())
                items.append({built.value().envelopeTo.first(), built.value().envelopeFrom, false, built.value().bytes,
                              built.value().messageId, 0});
        }
        return items;
    }
    std::unique_ptr<Gui::MainWindow> openWindow()
    {
        auto w = std::make_unique<Gui::MainWindow>(m_db->context());
        w->show();
        if (!QTest::qWaitForWindowExposed(w.get()))
            return nullptr;
        QElapsedTimer timer;
        timer.start();
        while ((!w->memberModel()->isIndexReady() || w->countsPending()) && timer.elapsed() < 10000)
            QTest::qWait(10);
        return w->memberModel()->isIndexReady() && !w->countsPending() ? std::move(w) : nullptr;
    }
    static QTableView *table(Gui::MainWindow &w) { return w.findChild<QTableView *>(QStringLiteral("memberTable")); }

    std::unique_ptr<TempDatabase> m_db;
};
