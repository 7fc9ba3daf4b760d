#pragma once

#include "mail/Campaign.h"

#include <QDialog>

class AppContext;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTextBrowser;
class QTimer;

namespace Gui {

// Writing a campaign: name, kind, consent purpose, audience, sender; the subject and the Markdown body
// (with merge fields) in the association's language and, optionally, in English for English-speaking
// members; attachments. A live preview shows the message as one member of the audience will receive it,
// footer included, and flags merge fields that are unknown or empty for that member. "Send a test to me"
// sends that member's message to the account's own address. Save, or Save and send.
class CampaignComposerDialog : public QDialog
{
    Q_OBJECT

public:
    CampaignComposerDialog(AppContext &context, Mail::Campaign::Kind kind, const QString &audience,
                           QWidget *parent = nullptr);

    qint64 campaignId() const { return m_id; }
    bool sendRequested() const { return m_send; }
    Mail::Campaign campaign() const; // as the fields describe it now
    void useDefaultText();
    // A saved draft, opened again to be changed: saving updates it.
    void setCampaign(const Mail::Campaign &campaign);
    void updatePreview();

Q_SIGNALS:
    void testQueued(qint64 batchId); // the caller sends it (the outbox window)

private:
    void fillAudiences(const QString &audience);
    void fillSamples();
    void addAttachment();
    void sendTest();
    void save(bool send);

    AppContext &m_context;
    QLineEdit *m_name = nullptr;
    QComboBox *m_kind = nullptr;
    QComboBox *m_purpose = nullptr;
    QComboBox *m_audience = nullptr;
    QLineEdit *m_from = nullptr;
    QTabWidget *m_texts = nullptr;
    QLineEdit *m_subject = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QString m_main;   // the language of the first tab's text: the window's
    QString m_second; // the other one, for the members who speak it (Campaign::translations' key)
    QLineEdit *m_subjectEn = nullptr;
    QPlainTextEdit *m_bodyEn = nullptr;
    QListWidget *m_attachments = nullptr;
    QList<Mail::Attachment> m_files;
    QStringList m_attributes;
    QComboBox *m_sample = nullptr;
    QTextBrowser *m_preview = nullptr;
    QLabel *m_problems = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_test = nullptr;
    QTimer *m_debounce = nullptr;
    qint64 m_id = 0;
    bool m_send = false;
};

} // namespace Gui
