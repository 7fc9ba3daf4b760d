#pragma once

#include "Outbox.h"
#include "mail/smtp/SmtpSession.h"

#include <QList>
#include <QString>

namespace Mail {

// Common providers with their server, port, security and conservative sending limits.
struct SmtpPreset
{
    QString key;  // "gmail", "ovh"…
    QString name; // shown as is (brand names)
    QString host;
    quint16 port = 587;
    Smtp::Security security = Smtp::Security::StartTls;
    Limits limits;
};

const QList<SmtpPreset> &smtpPresets();
// What a volunteer must know before the first message goes through this provider (app passwords…), or empty.
QString presetNote(const QString &key);
const SmtpPreset *smtpPreset(const QString &key);

} // namespace Mail
