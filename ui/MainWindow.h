#pragma once

#include <QMainWindow>

class AppContext;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;

namespace Storage {
class MemberTableModel;
}

namespace Gui {

class ColumnChooser;
class SelectionPanel;
class WelcomeWidget;

// Hosts the member table, the selections and the search; wires actions to services. No logic.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(AppContext &context, QWidget *parent = nullptr);
    ~MainWindow() override;

    Storage::MemberTableModel *memberModel() const { return m_model; }

public Q_SLOTS:
    void newMember();
    void editCurrentMember();
    void deleteSelectedMembers();
    void showPreferences();
    void importFiles(const QStringList &paths); // one wizard after another

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void refreshCounts();
    void updateStatus();
    void updatePage();
    void openDemo();
    void selectMember(qint64 id);

    AppContext &m_context;
    Storage::MemberTableModel *m_model = nullptr;
    QStackedWidget *m_stack = nullptr;
    WelcomeWidget *m_welcome = nullptr;
    SelectionPanel *m_panel = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_search = nullptr;
    ColumnChooser *m_columns = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace Gui
