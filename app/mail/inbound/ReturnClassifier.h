#pragma once

// The words and codes of a delivery failure, placed in a category (ReturnCategory). Internal to
// mail/inbound: ReturnedMail finds the recipients and their words, this decides what they mean.
#include "mail/inbound/ReturnedMail.h"

#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace Mail::Inbound::detail {

// An RFC 3463 enhanced status code ("5.1.1") and an SMTP reply code (550) where they appear in text.
const QRegularExpression &statusRe();
const QRegularExpression &replyRe();
// A status that says nothing particular: none, or 5.0.0, 4.0.0, 5.5.0.
bool isVagueStatus(const QString &status);
// The first specific enhanced status in the text (a vague one only when there is no other).
QString findStatus(const QString &text);
int findReply(const QString &text); // the first reply code ≥ 421, 0 when none
QString statusFromField(const QByteArray &value);
bool isPermanentCategory(ReturnCategory c);
// The category from the status, the reply code and the texts (the server's own words first, then the
// report around them). `badMailbox`: the sending server classed the mailbox itself as bad (PowerMTA's
// X-PowerMTA-BounceCategory: bad-mailbox).
ReturnCategory classifyIn(const QString &status, int reply, const QStringList &texts, bool *permanent,
                          bool badMailbox = false);

// Shared by the readers of ReturnedMail.cpp and SesNotification.cpp.
QString lowerDomain(const QString &address);  // the address with its domain lower-cased, trailing dots dropped
QString oneLine(QString text);                // line breaks and tabs made spaces, runs of them one
QString messageIdOf(const QByteArray &value); // the <id> of a Message-ID field, without its brackets
// The recipient's status, reply code, category and permanence worked out from its words and the report's
// `context` about it; `badMailbox` as for classifyIn.
void classifyRecipient(ReturnedRecipient &r, const QString &context, bool badMailbox = false);
// An Amazon SES notification (JSON, possibly wrapped by SNS) in `text`, read into `out`; false when none.
bool readSesNotification(const QString &text, ReturnedMail *out);

} // namespace Mail::Inbound::detail
