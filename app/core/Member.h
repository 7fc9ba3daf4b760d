#pragma once

#include "MemberField.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QVariant>

#include <utility>

namespace Core {

// One member of the association. A null QString or QDate means "absent" (null in JSON and SQL).
struct Member
{
    qint64 id = 0; // 0 until stored
    QString memberNumber;
    QString firstName;
    QString lastName;
    QString email;
    bool noEmail = false; // the user ticked "no email address"
    QString phone;
    QString mobile;
    QString address;
    QString postalCode;
    QString city;
    QString country;
    QString section;
    QString category;
    QDate membershipStart;
    QDate membershipEnd;
    QString language; // "fr", "en" or null
    QString notes;
    qint64 householdId = 0; // 0: no household
    QJsonObject extra;
    QDateTime createdAt;
    QDateTime updatedAt;
    // Bookkeeping, not member data: the row's version (every change moves it on; 0 until stored) and who
    // changed it last (a server login). Saving a member read at version N refuses when the row moved past N.
    qint64 version = 0;
    QString updatedBy;

    QVariant value(MemberField field) const;
    void setValue(MemberField field, const QVariant &value);
    // The text field behind a field, without a QVariant (a million rows bind or fill them); nullptr for
    // the id, the dates, the household, the extra attributes and the timestamps.
    const QString *text(MemberField field) const;
    QString *text(MemberField field) { return const_cast<QString *>(std::as_const(*this).text(field)); }

    QString displayName() const; // "Hélène Côté"

    // The member JSON of the CLI contract: every key present, absent values null, dates ISO 8601.
    QJsonObject toJson() const;

    friend bool operator==(const Member &, const Member &) = default;
};

} // namespace Core
