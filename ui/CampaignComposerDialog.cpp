#include "CampaignComposerDialog.h"

#include "OrganisationDialog.h"

#include "MessageBox.h"

#include "AppContext.h"
#include "mail/CampaignService.h"
#include "mail/SmtpAccount.h"
#include "reports/FilterSpec.h"
#include "reports/Report.h"
#include "templates/MergeFields.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeDatabase>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace Gui {

namespace {

constexpr qint64 kMaxAttachments = 10 * 1024 * 1024;
constexpr int kSamples = 30;

} // namespace

CampaignComposerDialog::CampaignComposerDialog(AppContext &context, Mail::Campaign::Kind kind, const QString &audience,
                                               QWidget *parent)
    : QDialog(parent), m_context(context)
{
    setObjectName(QStringLiteral("campaignComposer"));
    setWindowTitle(kind == Mail::Campaign::Kind::Invitation ? tr("New invitation") : tr("New newsletter"));
    auto *layout = new QVBoxLayout(this);
    auto *split = new QSplitter(this);
    layout->addWidget(split, 1);

    auto *left = new QWidget(split);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *form = new QFormLayout;
    leftLayout->addLayout(form);
    m_name = new QLineEdit(left);
    m_name->setObjectName(QStringLiteral("campaignName"));
    form->addRow(tr("&Name"), m_name);
    m_kind = new QComboBox(left);
    m_kind->setObjectName(QStringLiteral("campaignKind"));
    m_kind->addItem(tr("Newsletter"), Mail::Campaign::kindKey(Mail::Campaign::Kind::Newsletter));
    m_kind->addItem(tr("Invitation (asks for consent)"), Mail::Campaign::kindKey(Mail::Campaign::Kind::Invitation));
    m_kind->setCurrentIndex(m_kind->findData(Mail::Campaign::kindKey(kind)));
    form->addRow(tr("&Kind"), m_kind);
    m_purpose = new QComboBox(left);
    m_purpose->setObjectName(QStringLiteral("campaignPurpose"));
    if (auto purposes = m_context.consent().purposes(); purposes.ok())
        for (const Consent::Purpose &p : purposes.value())
            m_purpose->addItem(p.displayLabel(), p.key);
    m_purpose->setCurrentIndex(std::max(0, m_purpose->findData(QStringLiteral("newsletter"))));
    m_purpose->setToolTip(tr("A newsletter goes only to members who agreed to this purpose. An invitation asks for "
                             "it, and goes to members the association may write to."));
    form->addRow(tr("&Purpose"), m_purpose);
    m_audience = new QComboBox(left);
    m_audience->setObjectName(QStringLiteral("campaignAudience"));
    form->addRow(tr("&Audience"), m_audience);
    m_from = new QLineEdit(left);
    m_from->setObjectName(QStringLiteral("campaignFrom"));
    if (auto account = Mail::SmtpAccount::load(m_context.databaseSettings()); account.ok())
        m_from->setPlaceholderText(account.value().from.address);
    m_from->setToolTip(tr("Leave empty to send from the sending account's address. Invitations and newsletters may "
                          "use different addresses."));
    form->addRow(tr("&From"), m_from);

    // The message in the window's language; the other one, for the members who speak it, in the second tab.
    m_main = QLocale().language() == QLocale::English ? QStringLiteral("en") : QStringLiteral("fr");
    m_second = m_main == QLatin1String("en") ? QStringLiteral("fr") : QStringLiteral("en");
    m_texts = new QTabWidget(left);
    for (bool english : {false, true}) {
        auto *page = new QWidget(m_texts);
        auto *pageLayout = new QFormLayout(page);
        auto *subject = new QLineEdit(page);
        auto *body = new QPlainTextEdit(page);
        body->setTabChangesFocus(true);
        body->setPlaceholderText(
            tr("Hello {{first_name}},\n\nMarkdown: **bold**, *italic*, - lists, [links](https://…)"));
        pageLayout->addRow(tr("&Subject"), subject);
        pageLayout->addRow(tr("&Message"), body);
        if (english) {
            subject->setObjectName(QStringLiteral("campaignSubjectEn"));
            body->setObjectName(QStringLiteral("campaignBodyEn"));
            m_subjectEn = subject;
            m_bodyEn = body;
            m_texts->addTab(page, m_second == QLatin1String("en") ? tr("English version (optional)")
                                                                  : tr("French version (optional)"));
        } else {
            subject->setObjectName(QStringLiteral("campaignSubject"));
            body->setObjectName(QStringLiteral("campaignBody"));
            m_subject = subject;
            m_body = body;
            m_texts->addTab(page, tr("Message"));
        }
    }
    leftLayout->addWidget(m_texts, 1);
    auto *fields = new QLabel(tr("Fields: %1")
                                  .arg(QStringLiteral("{{prenom}} {{nom}} {{email}} {{section}} "
                                                      "{{categorie}} {{fin_adhesion}} {{first_name|Bonjour}}")),
                              left);
    fields->setWordWrap(true);
    fields->setTextInteractionFlags(Qt::TextSelectableByMouse);
    leftLayout->addWidget(fields);
    auto *defaults = new QPushButton(tr("Use the &default text"), left);
    defaults->setObjectName(QStringLiteral("defaultTextButton"));
    connect(defaults, &QPushButton::clicked, this, &CampaignComposerDialog::useDefaultText);
    m_attachments = new QListWidget(left);
    m_attachments->setObjectName(QStringLiteral("attachmentList"));
    m_attachments->setMaximumHeight(70);
    auto *addFile = new QPushButton(tr("A&ttach…"), left);
    auto *removeFile = new QPushButton(tr("Remo&ve"), left);
    connect(addFile, &QPushButton::clicked, this, &CampaignComposerDialog::addAttachment);
    connect(removeFile, &QPushButton::clicked, this, [this] {
        const int row = m_attachments->currentRow();
        if (row < 0)
            return;
        delete m_attachments->takeItem(row);
        m_files.removeAt(row);
    });
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(defaults);
    fileRow->addStretch();
    fileRow->addWidget(addFile);
    fileRow->addWidget(removeFile);
    leftLayout->addLayout(fileRow);
    leftLayout->addWidget(m_attachments);

    auto *right = new QWidget(split);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *sampleRow = new QHBoxLayout;
    m_sample = new QComboBox(right);
    m_sample->setObjectName(QStringLiteral("previewMember"));
    auto *sampleLabel = new QLabel(tr("Preview &for"), right);
    sampleLabel->setBuddy(m_sample);
    sampleRow->addWidget(sampleLabel);
    sampleRow->addWidget(m_sample, 1);
    rightLayout->addLayout(sampleRow);
    m_preview = new QTextBrowser(right);
    m_preview->setObjectName(QStringLiteral("campaignPreview"));
    m_preview->setOpenLinks(false);
    rightLayout->addWidget(m_preview, 1);
    m_problems = new QLabel(right);
    m_problems->setObjectName(QStringLiteral("mergeProblems"));
    m_problems->setWordWrap(true);
    rightLayout->addWidget(m_problems);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("composerError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(this);
    m_test = buttons->addButton(tr("Send a &test to me"), QDialogButtonBox::ActionRole);
    m_test->setObjectName(QStringLiteral("sendTestButton"));
    QPushButton *saveButton = buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
    saveButton->setObjectName(QStringLiteral("saveCampaignButton"));
    QPushButton *sendButton = buttons->addButton(tr("Save and s&end…"), QDialogButtonBox::AcceptRole);
    sendButton->setObjectName(QStringLiteral("saveAndSendButton"));
    buttons->addButton(QDialogButtonBox::Cancel);
    // The footer and the default texts come from the association's profile: reachable from here.
    QPushButton *profile = buttons->addButton(tr("Association &profile…"), QDialogButtonBox::HelpRole);
    profile->setObjectName(QStringLiteral("organisationButton"));
    layout->addWidget(buttons);
    connect(profile, &QPushButton::clicked, this, [this] {
        OrganisationDialog dialog(m_context, this);
        dialog.exec();
        m_debounce->start(); // the footer may have changed
    });
    connect(m_test, &QPushButton::clicked, this, &CampaignComposerDialog::sendTest);
    connect(saveButton, &QPushButton::clicked, this, [this] { save(false); });
    connect(sendButton, &QPushButton::clicked, this, [this] { save(true); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // The preview follows the typing, a moment after it stops.
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, &CampaignComposerDialog::updatePreview);
    for (QLineEdit *edit : {m_subject, m_subjectEn, m_from})
        connect(edit, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    for (QPlainTextEdit *edit : {m_body, m_bodyEn})
        connect(edit, &QPlainTextEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_sample, &QComboBox::currentIndexChanged, this, &CampaignComposerDialog::updatePreview);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &CampaignComposerDialog::updatePreview);
    connect(m_purpose, &QComboBox::currentIndexChanged, this, &CampaignComposerDialog::updatePreview);
    connect(m_audience, &QComboBox::currentIndexChanged, this, &CampaignComposerDialog::fillSamples);

    // Imported attributes are merge fields too; read once, not at every keystroke.
    if (auto names = m_context.members().attributeNames(); names.ok())
        m_attributes = names.value();
    fillAudiences(audience);
    const QString today = QLocale().toString(m_context.clock().today(), QLocale::ShortFormat);
    m_name->setText(m_context.campaigns().campaigns().freeName(
        kind == Mail::Campaign::Kind::Invitation ? tr("Invitations %1").arg(today) : tr("Newsletter %1").arg(today)));
    if (kind == Mail::Campaign::Kind::Invitation)
        useDefaultText();
    fillSamples();
    resize(1100, 700);
}

void CampaignComposerDialog::fillAudiences(const QString &audience)
{
    m_audience->addItem(tr("All members"), QStringLiteral("all"));
    m_audience->addItem(tr("Never invited"), QStringLiteral("never-invited"));
    m_audience->addItem(tr("Invited, no answer"), QStringLiteral("invited-no-answer"));
    // Saved reports, except those that ask questions when run (nobody would answer them here).
    if (auto reports = Reports::ReportRepository(m_context.database(), m_context.clock()).list(); reports.ok()) {
        for (const Reports::ReportDefinition &r : reports.value()) {
            auto spec = Reports::FilterSpec::fromJson(r.filter);
            if (spec.ok() && spec.value().parameters().isEmpty())
                m_audience->addItem(tr("Report: %1").arg(r.name), QString(QStringLiteral("report:") + r.name));
        }
    }
    if (audience.startsWith(QLatin1String("invited-no-answer:")))
        m_audience->addItem(tr("Invited at least %n day(s) ago, no answer", nullptr, audience.mid(18).toInt()),
                            audience);
    if (audience.startsWith(QLatin1String("member:"))) {
        auto member = m_context.members().find(audience.mid(7).toLongLong());
        m_audience->addItem(member.ok() ? member.value().displayName() : audience, audience);
    }
    const int index = m_audience->findData(audience);
    m_audience->setCurrentIndex(std::max(0, index));
}

void CampaignComposerDialog::fillSamples()
{
    const QSignalBlocker block(m_sample);
    m_sample->clear();
    Mail::Campaign c = campaign();
    auto ids = m_context.campaigns().audience(c);
    if (ids.ok()) {
        int n = 0;
        for (qint64 id : ids.value()) {
            auto member = m_context.members().find(id);
            if (!member.ok() || member.value().email.isEmpty())
                continue;
            m_sample->addItem(QStringLiteral("%1 <%2>").arg(member.value().displayName(), member.value().email), id);
            if (++n >= kSamples)
                break;
        }
    }
    m_test->setEnabled(m_sample->count() > 0);
    updatePreview();
}

Mail::Campaign CampaignComposerDialog::campaign() const
{
    Mail::Campaign c;
    c.name = m_name->text();
    c.kind = Mail::Campaign::kindFromKey(m_kind->currentData().toString()).value_or(Mail::Campaign::Kind::Newsletter);
    c.purpose = m_purpose->currentData().toString();
    c.audience = m_audience->currentData().toString();
    c.subject = m_subject->text();
    c.body = m_body->toPlainText();
    if (!m_from->text().trimmed().isEmpty())
        Mail::SmtpAccount::parseMailbox(m_from->text(), &c.from);
    if (!m_subjectEn->text().trimmed().isEmpty() || !m_bodyEn->toPlainText().trimmed().isEmpty())
        c.translations.insert(m_second, {m_subjectEn->text(), m_bodyEn->toPlainText()});
    c.attachments = m_files;
    return c;
}

void CampaignComposerDialog::setCampaign(const Mail::Campaign &c)
{
    m_id = c.id;
    setWindowTitle(tr("Campaign “%1”").arg(c.name));
    m_name->setText(c.name);
    if (const int i = m_kind->findData(Mail::Campaign::kindKey(c.kind)); i >= 0)
        m_kind->setCurrentIndex(i);
    if (const int i = m_purpose->findData(c.purpose); i >= 0)
        m_purpose->setCurrentIndex(i);
    if (const int i = m_audience->findData(c.audience); i >= 0)
        m_audience->setCurrentIndex(i);
    m_from->setText(c.from.address.isEmpty() ? QString()
                    : c.from.name.isEmpty()  ? c.from.address
                                             : QStringLiteral("%1 <%2>").arg(c.from.name, c.from.address));
    m_subject->setText(c.subject);
    m_body->setPlainText(c.body);
    const Mail::Campaign::Text en = c.translations.value(m_second);
    m_subjectEn->setText(en.subject);
    m_bodyEn->setPlainText(en.body);
    m_files = c.attachments;
    m_attachments->clear();
    for (const Mail::Attachment &a : std::as_const(m_files))
        m_attachments->addItem(QStringLiteral("%1 (%2)").arg(a.fileName, QLocale().formattedDataSize(a.data.size())));
}

void CampaignComposerDialog::useDefaultText()
{
    const auto kind =
        Mail::Campaign::kindFromKey(m_kind->currentData().toString()).value_or(Mail::Campaign::Kind::Newsletter);
    const QString purpose = m_purpose->currentData().toString();
    auto fr = m_context.campaigns().defaultText(kind, m_main, purpose);
    auto en = m_context.campaigns().defaultText(kind, m_second, purpose);
    if (!fr.ok() || !en.ok()) {
        m_error->setText(!fr.ok() ? fr.error().message : en.error().message);
        return;
    }
    m_subject->setText(fr.value().subject);
    m_body->setPlainText(fr.value().body);
    m_subjectEn->setText(en.value().subject);
    m_bodyEn->setPlainText(en.value().body);
}

void CampaignComposerDialog::updatePreview()
{
    const Mail::Campaign c = campaign();
    // Fields that mean nothing for anyone, then those empty for the member shown.
    QString allText = c.subject + QLatin1Char('\n') + c.body;
    for (const Mail::Campaign::Text &t : c.translations)
        allText += QLatin1Char('\n') + t.subject + QLatin1Char('\n') + t.body;
    const auto unknown = Templates::MergeFields::unknownFields(allText, m_attributes);
    QStringList notes;
    if (!unknown.isEmpty())
        notes.append(tr("Unknown fields, left empty for everyone: %1").arg(Templates::MergeFields::fieldList(unknown)));
    if (m_sample->count() == 0) {
        m_preview->setHtml(QStringLiteral("<p><i>%1</i></p>")
                               .arg(tr("Nobody with an email address in this audience to preview the message for.")));
        m_problems->setText(notes.join(QLatin1Char('\n')));
        return;
    }
    QList<Templates::MergeProblem> problems;
    auto message = m_context.campaigns().messageFor(c, m_sample->currentData().toLongLong(), &problems);
    if (!message.ok()) {
        m_preview->setHtml(QString());
        m_problems->setText(message.error().message);
        return;
    }
    QList<Templates::MergeProblem> empty;
    for (const Templates::MergeProblem &p : std::as_const(problems))
        if (p.kind == Templates::MergeProblem::Kind::Empty)
            empty.append(p);
    if (!empty.isEmpty())
        notes.append(
            tr("Empty for %1: %2").arg(message.value().to.value(0).name, Templates::MergeFields::fieldList(empty)));
    m_problems->setText(notes.join(QLatin1Char('\n')));
    // The subject and the sender as a mail program shows them, then the body as it renders.
    const QString head = QStringLiteral("<p style=\"color:#555\"><b>%1</b> %2<br><b>%3</b> %4</p><hr>")
                             .arg(tr("From:"), message.value().from.address.toHtmlEscaped(), tr("Subject:"),
                                  message.value().subject.toHtmlEscaped());
    QString html = message.value().html;
    const qsizetype body = html.indexOf(QLatin1String("<body>"));
    html.insert(body < 0 ? 0 : body + 6, head);
    m_preview->setHtml(html);
}

void CampaignComposerDialog::addAttachment()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Attach files"));
    qint64 total = 0;
    for (const Mail::Attachment &a : std::as_const(m_files))
        total += a.data.size();
    for (const QString &path : paths) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            m_error->setText(tr("Cannot read %1: %2").arg(path, f.errorString()));
            continue;
        }
        Mail::Attachment a;
        a.fileName = QFileInfo(path).fileName();
        a.data = f.readAll();
        a.contentType = QMimeDatabase().mimeTypeForFileNameAndData(a.fileName, a.data).name().toLatin1();
        if (total + a.data.size() > kMaxAttachments) {
            m_error->setText(tr("The attachments would pass 10 MB: most mail providers refuse such messages. Share "
                                "large files by a link instead."));
            break;
        }
        total += a.data.size();
        m_files.append(a);
        m_attachments->addItem(QStringLiteral("%1 (%2)").arg(a.fileName, QLocale().formattedDataSize(a.data.size())));
    }
}

void CampaignComposerDialog::sendTest()
{
    auto account = Mail::SmtpAccount::load(m_context.databaseSettings());
    if (!account.ok() || !account.value().isConfigured()) {
        m_error->setText(tr("No sending account yet: Edit › Sending account…"));
        return;
    }
    auto queued = m_context.campaigns().queueTest(campaign(), m_sample->currentData().toLongLong(),
                                                  {QString(), account.value().from.address});
    if (!queued.ok()) {
        m_error->setText(queued.error().message);
        return;
    }
    // Good news, not an error: shown in the window's ordinary colour until the next message.
    m_error->setStyleSheet(QString());
    m_error->setText(tr("The test for %1 is in the outbox, on its way to %2.")
                         .arg(m_sample->currentText(), account.value().from.address));
    QTimer::singleShot(8000, m_error, [this] {
        m_error->clear();
        m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    });
    Q_EMIT testQueued(queued.value());
}

void CampaignComposerDialog::save(bool send)
{
    Mail::Campaign c = campaign();
    if (!m_from->text().trimmed().isEmpty() && !Mail::SmtpAccount::parseMailbox(m_from->text(), &c.from)) {
        m_error->setText(tr("From is \"Name <address>\" or an address."));
        return;
    }
    if (m_id) { // a draft opened again
        c.id = m_id;
        if (auto updated = m_context.campaigns().campaigns().update(c); !updated.ok()) {
            m_error->setText(updated.error().message);
            return;
        }
    } else {
        auto id = m_context.campaigns().campaigns().create(c);
        if (!id.ok()) {
            m_error->setText(id.error().message);
            return;
        }
        m_id = id.value();
    }
    m_send = send;
    accept();
}

} // namespace Gui
