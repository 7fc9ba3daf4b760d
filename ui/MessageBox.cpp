#include "MessageBox.h"

namespace Gui {

std::optional<QMessageBox::StandardButton> MessageBox::s_nextAnswer;
QString MessageBox::s_lastText;

QMessageBox::StandardButton MessageBox::question(QWidget *parent, const QString &title, const QString &text,
                                                 QMessageBox::StandardButtons buttons,
                                                 QMessageBox::StandardButton defaultButton)
{
    s_lastText = text;
    if (s_nextAnswer)
        return *s_nextAnswer;
    return QMessageBox::question(parent, title, text, buttons, defaultButton);
}

void MessageBox::critical(QWidget *parent, const QString &title, const QString &text)
{
    s_lastText = text;
    if (!s_nextAnswer)
        QMessageBox::critical(parent, title, text);
}

void MessageBox::information(QWidget *parent, const QString &title, const QString &text)
{
    s_lastText = text;
    if (!s_nextAnswer)
        QMessageBox::information(parent, title, text);
}

QMessageBox::StandardButton MessageBox::answerFor(QMessageBox &box)
{
    s_lastText = box.text() + QLatin1Char('\n') + box.informativeText() + QLatin1Char('\n') + box.detailedText();
    if (s_nextAnswer)
        return *s_nextAnswer;
    return QMessageBox::StandardButton(box.exec());
}

void MessageBox::setNextAnswer(QMessageBox::StandardButton answer)
{
    s_nextAnswer = answer;
}

void MessageBox::clearNextAnswer()
{
    s_nextAnswer.reset();
}

QString MessageBox::lastText()
{
    return s_lastText;
}

} // namespace Gui
