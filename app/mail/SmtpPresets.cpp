#include "SmtpPresets.h"

#include <QCoreApplication>

namespace Mail {

// Limits are deliberately below what each provider publishes, so that a batch slows down before the
// provider refuses it. Sources (the providers' own help pages, checked in 2024; plans change: the user
// can edit every figure):
// - Gmail: "Gmail sending limits" — 500 recipients a day for a personal account; Google Workspace:
//   "Gmail sending limits in Google Workspace" — 2,000 a day.
// - Outlook.com: "Sending limits in Outlook.com" — 300 recipients a day; Microsoft 365: "Exchange Online
//   limits" — 30 messages a minute, 10,000 recipients a day.
// - OVHcloud MX Plan / e-mail: "Limites d'envoi" — 200 messages an hour per address.
// - Gandi Mail: "Limites d'envoi" — about 600 recipients an hour; 100 here.
// - Infomaniak Mail: sending limits of the mail service — a few hundred an hour; 200 here.
// - Orange and Free (French ISP mailboxes): anti-spam limits published loosely (a few hundred a day);
//   200 a day here.
// - Vidéotron and Bell (Québec ISPs): residential relays, limits not published; 100 an hour here.
// - Brevo (ex-Sendinblue) free plan: 300 e-mails a day. Mailjet free plan: 200 a day (6,000 a month).
// - Amazon SES: sandbox quota 200 a day, 1 a second (raise the figures once out of the sandbox).
const QList<SmtpPreset> &smtpPresets()
{
    using S = Smtp::Security;
    static const QList<SmtpPreset> presets = {
        {QStringLiteral("gmail"),
         QStringLiteral("Gmail"),
         QStringLiteral("smtp.gmail.com"),
         587,
         S::StartTls,
         {20, 100, 450, 100}},
        {QStringLiteral("google-workspace"),
         QStringLiteral("Google Workspace"),
         QStringLiteral("smtp.gmail.com"),
         587,
         S::StartTls,
         {30, 500, 1800, 100}},
        {QStringLiteral("outlook"),
         QStringLiteral("Outlook.com"),
         QStringLiteral("smtp-mail.outlook.com"),
         587,
         S::StartTls,
         {10, 100, 280, 30}},
        {QStringLiteral("microsoft365"),
         QStringLiteral("Microsoft 365"),
         QStringLiteral("smtp.office365.com"),
         587,
         S::StartTls,
         {25, 1000, 9000, 100}},
        {QStringLiteral("ovh"),
         QStringLiteral("OVHcloud"),
         QStringLiteral("ssl0.ovh.net"),
         465,
         S::Tls,
         {20, 180, 0, 50}},
        {QStringLiteral("gandi"),
         QStringLiteral("Gandi"),
         QStringLiteral("mail.gandi.net"),
         465,
         S::Tls,
         {20, 100, 0, 50}},
        {QStringLiteral("infomaniak"),
         QStringLiteral("Infomaniak"),
         QStringLiteral("mail.infomaniak.com"),
         587,
         S::StartTls,
         {20, 200, 0, 50}},
        {QStringLiteral("orange"),
         QStringLiteral("Orange"),
         QStringLiteral("smtp.orange.fr"),
         465,
         S::Tls,
         {10, 60, 200, 20}},
        {QStringLiteral("free"),
         QStringLiteral("Free"),
         QStringLiteral("smtp.free.fr"),
         465,
         S::Tls,
         {10, 60, 200, 20}},
        {QStringLiteral("videotron"),
         QStringLiteral("Vidéotron"),
         QStringLiteral("relais.videotron.ca"),
         587,
         S::StartTls,
         {10, 100, 0, 20}},
        {QStringLiteral("bell"),
         QStringLiteral("Bell"),
         QStringLiteral("smtphm.sympatico.ca"),
         587,
         S::StartTls,
         {10, 100, 0, 20}},
        {QStringLiteral("brevo"),
         QStringLiteral("Brevo"),
         QStringLiteral("smtp-relay.brevo.com"),
         587,
         S::StartTls,
         {60, 300, 290, 100}},
        {QStringLiteral("mailjet"),
         QStringLiteral("Mailjet"),
         QStringLiteral("in-v3.mailjet.com"),
         587,
         S::StartTls,
         {60, 200, 190, 100}},
        {QStringLiteral("amazon-ses"),
         QStringLiteral("Amazon SES"),
         QStringLiteral("email-smtp.eu-west-3.amazonaws.com"),
         587,
         S::StartTls,
         {50, 200, 190, 100}},
    };
    return presets;
}

const SmtpPreset *smtpPreset(const QString &key)
{
    for (const SmtpPreset &p : smtpPresets()) {
        if (p.key == key)
            return &p;
    }
    return nullptr;
}

QString presetNote(const QString &key)
{
    if (key == QLatin1String("gmail") || key == QLatin1String("google-workspace"))
        return QCoreApplication::translate(
            "Mail::SmtpPresets",
            "Google refuses your usual password here: turn on 2-Step Verification, then create an app password "
            "(Google Account › Security › App passwords) and type those 16 letters as the password.");
    if (key == QLatin1String("outlook") || key == QLatin1String("microsoft365"))
        return QCoreApplication::translate(
            "Mail::SmtpPresets",
            "Microsoft is turning off password sign-in for sending: use an app password if your account offers "
            "one (Microsoft account › Security); for Microsoft 365, the administrator must allow SMTP "
            "authentication for this mailbox.");
    return {};
}

} // namespace Mail
