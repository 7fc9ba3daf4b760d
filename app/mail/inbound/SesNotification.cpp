#include "mail/inbound/ReturnClassifier.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Mail::Inbound::detail {

// Amazon SES notifications sent by mail through SNS: {"notificationType": "Bounce"|"Complaint"|"Delivery", …},
// possibly wrapped in SNS's {"Message": "<the JSON as a string>"}.
bool readSesNotification(const QString &text, ReturnedMail *out)
{
    const qsizetype at = text.indexOf(QLatin1String("\"notificationType\""));
    if (at < 0)
        return false;
    const qsizetype open = text.lastIndexOf(QLatin1Char('{'), at);
    if (open < 0)
        return false;
    // The JSON runs to the last closing brace of the block.
    const qsizetype blockEnd = text.indexOf(QLatin1String("\n\n"), at);
    const QString candidate = text.mid(open, (blockEnd < 0 ? text.size() : blockEnd) - open);
    QJsonParseError error{};
    QJsonObject o = QJsonDocument::fromJson(candidate.toUtf8(), &error).object();
    if (o.isEmpty()) {
        // SNS's envelope: "Message" holds the notification as a string.
        const qsizetype wrapOpen = text.lastIndexOf(QLatin1Char('{'), open - 1);
        if (wrapOpen >= 0) {
            const QJsonObject wrapper =
                QJsonDocument::fromJson(text.mid(wrapOpen, (blockEnd < 0 ? text.size() : blockEnd) - wrapOpen).toUtf8())
                    .object();
            o = QJsonDocument::fromJson(wrapper.value(QLatin1String("Message")).toString().toUtf8()).object();
        }
    }
    const QString type = o.value(QLatin1String("notificationType")).toString();
    if (type.isEmpty())
        return false;
    const QJsonObject mail = o.value(QLatin1String("mail")).toObject();
    const QJsonObject headers = mail.value(QLatin1String("commonHeaders")).toObject();
    if (const QString id = headers.value(QLatin1String("messageId")).toString(); !id.isEmpty())
        out->originalMessageIds.append(messageIdOf(id.toUtf8()));
    if (type == QLatin1String("Bounce")) {
        const QJsonObject bounce = o.value(QLatin1String("bounce")).toObject();
        const bool permanentType = bounce.value(QLatin1String("bounceType")).toString() == QLatin1String("Permanent");
        for (const QJsonValue &v : bounce.value(QLatin1String("bouncedRecipients")).toArray()) {
            const QJsonObject r = v.toObject();
            ReturnedRecipient rr;
            rr.address = lowerDomain(r.value(QLatin1String("emailAddress")).toString());
            rr.action = r.value(QLatin1String("action"))
                            .toString(permanentType ? QStringLiteral("failed") : QStringLiteral("delayed"));
            rr.status = r.value(QLatin1String("status")).toString();
            rr.diagnostic = oneLine(r.value(QLatin1String("diagnosticCode")).toString());
            if (rr.address.isEmpty())
                continue;
            classifyRecipient(rr, rr.diagnostic);
            out->recipients.append(rr);
        }
        out->kind = ReturnKind::Bounce;
    } else if (type == QLatin1String("Complaint")) {
        const QJsonObject complaint = o.value(QLatin1String("complaint")).toObject();
        out->feedbackType = complaint.value(QLatin1String("complaintFeedbackType")).toString();
        for (const QJsonValue &v : complaint.value(QLatin1String("complainedRecipients")).toArray()) {
            ReturnedRecipient rr;
            rr.address = lowerDomain(v.toObject().value(QLatin1String("emailAddress")).toString());
            rr.category = ReturnCategory::Complaint;
            if (!rr.address.isEmpty())
                out->recipients.append(rr);
        }
        out->kind = ReturnKind::Complaint;
    } else if (type == QLatin1String("Delivery")) {
        const QJsonObject delivery = o.value(QLatin1String("delivery")).toObject();
        for (const QJsonValue &v : delivery.value(QLatin1String("recipients")).toArray()) {
            ReturnedRecipient rr;
            rr.address = lowerDomain(v.toString());
            rr.action = QStringLiteral("delivered");
            rr.category = ReturnCategory::Other;
            if (!rr.address.isEmpty())
                out->recipients.append(rr);
        }
        out->kind = ReturnKind::Bounce;
    } else {
        return false;
    }
    return !out->recipients.isEmpty();
}

} // namespace Mail::Inbound::detail
