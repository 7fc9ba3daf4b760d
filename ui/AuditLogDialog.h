#pragma once

#include <QDialog>

class AppContext;
class QComboBox;
class QTreeWidget;

namespace Gui {

// The audit log: consent changes, exports, erasures — who, when, what — viewable, filtered by volunteer and
// exportable.
class AuditLogDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AuditLogDialog(AppContext &context, QWidget *parent = nullptr);

    // Writes the log as CSV (UTF-8 with BOM, `;`, for Excel in French or English). Returns an error
    // message, empty on success.
    QString exportTo(const QString &path) const;

private:
    void reload();
    QString actor() const; // the volunteer chosen, empty for everyone

    AppContext &m_context;
    QTreeWidget *m_list = nullptr;
    QComboBox *m_actor = nullptr;
};

} // namespace Gui
