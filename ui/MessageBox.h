#pragma once

#include <QMessageBox>

#include <optional>

namespace Gui {

// Every modal question goes through here, so GUI tests can answer it without a modal loop
// (KeePassXC's MessageBox seam).
class MessageBox
{
public:
    static QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                                QMessageBox::StandardButtons buttons,
                                                QMessageBox::StandardButton defaultButton);
    static void critical(QWidget *parent, const QString &title, const QString &text);
    static void information(QWidget *parent, const QString &title, const QString &text);
    // A box the caller built (details, custom buttons): shown, or answered for a test.
    static QMessageBox::StandardButton answerFor(QMessageBox &box);

    // Tests: the next dialogs are answered with this button, without being shown.
    static void setNextAnswer(QMessageBox::StandardButton answer);
    static void clearNextAnswer();
    static QString lastText(); // what the last dialog said (tests)

private:
    static std::optional<QMessageBox::StandardButton> s_nextAnswer;
    static QString s_lastText;
};

} // namespace Gui
