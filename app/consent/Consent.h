#pragma once

#include <QByteArrayView>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Consent {

// The lawful basis of a grant (CASL and GDPR vocabulary).
enum class Basis {
    Express,            // opt-in: valid until withdrawn
    ImpliedMembership,  // CASL: while a member and until membership end + 2 years
    Implied,            // implied, with an explicit expiry date
    LegitimateInterest, // GDPR: until the member objects
};

enum class Action { Grant, Withdraw };

// Which rules the organisation follows.
enum class Jurisdiction { Canada, Eu, Both };

QString basisKey(Basis basis); // "express", "implied-membership", "implied", "legitimate-interest"
std::optional<Basis> basisFromKey(const QString &key);
QString basisLabel(Basis basis);                    // translated
QString jurisdictionKey(Jurisdiction jurisdiction); // "ca", "eu", "both"
std::optional<Jurisdiction> jurisdictionFromKey(const QString &key);
QString jurisdictionLabel(Jurisdiction jurisdiction);

// One line of the append-only ledger.
struct Event
{
    qint64 id = 0;
    qint64 memberId = 0;
    QString purpose;
    Action action = Action::Grant;
    std::optional<Basis> basis; // grants only
    QDate occurredOn;           // the date on the form
    QDate expiresOn;            // Basis::Implied only
    QDateTime recordedAt;
    QString source; // "paper form", "general assembly 2026", "import members.csv, line 12"…
    QString wording;
    QString evidenceNote;
    QString evidenceSha256;
    QString evidenceName;
    QString recordedBy;
    qint64 importBatchId = 0;

    QJsonObject toJson() const;
};

// A purpose of communication: "association" and "newsletter" are built in.
struct Purpose
{
    QString key;
    QString label; // as stored; displayLabel() translates the built-in ones
    bool builtin = false;
    Basis defaultBasisCanada = Basis::Express;
    Basis defaultBasisEu = Basis::Express;

    QString displayLabel() const;
    // The basis that covers a member with no recorded event under these rules, if any: implied by
    // membership or legitimate interest. With both jurisdictions the stricter one applies.
    std::optional<Basis> defaultBasis(Jurisdiction jurisdiction) const;
    QJsonObject toJson() const;
};

// Why a member may or may not receive messages for a purpose.
enum class Reason {
    Express,
    ImpliedMembership,
    Implied,
    LegitimateInterest,
    NoConsent,
    Expired,
    Withdrawn,
    Suppressed,
    Undeliverable, // the mailbox found the address dead (a permanent bounce, or repeated temporary ones)
    InvalidEmail,
    NoEmail,
};

QString reasonKey(Reason reason); // the CLI's keys: "no_consent", "expired", "withdrawn", …
std::optional<Reason> reasonFromKey(const QString &key);
// The same keys and a stored date ("2026-09-12") read from a row's UTF-8 bytes, without a QString: the bulk
// passes read a million.
std::optional<Reason> reasonFromUtf8(QByteArrayView key);
std::optional<Basis> basisFromUtf8(QByteArrayView key);
QDate isoDate(QByteArrayView text);
QString reasonLabel(Reason reason);

// The status of one member for one purpose at one instant.
struct Status
{
    bool eligible = false;
    Reason reason = Reason::NoConsent;
    std::optional<Basis> basis; // of the grant that applies (or applied, when expired)
    QDate since;                // when that grant (or the withdrawal) happened
    QDate validUntil;           // last day it holds; null: no end known
    bool byDefault = false;     // covered by the purpose's default basis, no event recorded

    bool operator==(const Status &other) const = default;
    QJsonObject toJson() const;  // {"eligible", "basis", "since", "valid_until", "reason"}
    QString explanation() const; // translated sentence for tooltips: "Express consent since …"
};

// The membership facts the rules depend on.
struct Membership
{
    QDate start;
    QDate end; // null: ongoing
};

} // namespace Consent
