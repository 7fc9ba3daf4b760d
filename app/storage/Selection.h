#pragma once

#include <QList>
#include <QString>

namespace Storage {

// A named subset of the member list, shown in the side panel (later capabilities add their own).
struct Selection
{
    enum class Kind {
        All,
        NoEmail,
        MembershipExpired,
        MembershipEndingSoon,
        Section,
        Category,
        // Per consent purpose (value = the purpose key); resolved by the consent service, not in SQL.
        ConsentMissing,
        ConsentExpiring,
        ConsentWithdrawn,
        // A saved report (value = its name); resolved by the report runner, not in SQL.
        Report,
        // Invitations (value = "never-invited" or "invited-no-answer"); resolved by the campaigns.
        Invitation,
        // The members whose address the mailbox found undeliverable; resolved by the returned-mail service.
        Undeliverable,
    };

    Kind kind = Kind::All;
    QString value; // the section, category or purpose key

    bool isConsent() const
    {
        return kind == Kind::ConsentMissing || kind == Kind::ConsentExpiring || kind == Kind::ConsentWithdrawn;
    }
    // Whose members come from a resolver rather than from SQL (consent, saved reports).
    bool isResolved() const
    {
        return isConsent() || kind == Kind::Report || kind == Kind::Invitation || kind == Kind::Undeliverable;
    }

    static constexpr int kEndingSoonDays = 60;

    QString
    key() const; // stable, for settings: "all", "section:CPL", "consent-missing:newsletter", "report:Adhérents CPL"
    static Selection fromKey(const QString &key);
    QString label() const; // translated

    friend bool operator==(const Selection &, const Selection &) = default;
};

struct SelectionCount
{
    Selection selection;
    qint64 count = 0;
};

} // namespace Storage
