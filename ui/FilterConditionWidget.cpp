#include "FilterConditionWidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QStackedWidget>
#include <QToolButton>

namespace Gui {

namespace {

enum ValuePage { TextPage, DatePage, NonePage, QuestionPage };

QString paramKey(const QString &field)
{
    QString key;
    for (QChar c : field)
        key += c.isLetterOrNumber() ? c : QLatin1Char('_');
    return key;
}

} // namespace

FilterConditionWidget::FilterConditionWidget(const ReportFields &fields, QWidget *parent)
    : QWidget(parent), m_fields(fields)
{
    setObjectName(QStringLiteral("filterCondition"));
    m_field = new QComboBox(this);
    m_field->setObjectName(QStringLiteral("filterField"));
    m_field->setAccessibleName(tr("Field"));
    for (const ReportField &f : m_fields.all())
        m_field->addItem(f.label, f.key);
    m_operator = new QComboBox(this);
    m_operator->setObjectName(QStringLiteral("filterOperator"));
    m_operator->setAccessibleName(tr("Condition"));

    m_value = new QComboBox(this);
    m_value->setObjectName(QStringLiteral("filterValue"));
    m_value->setAccessibleName(tr("Value"));
    m_value->setEditable(true);
    m_value->setInsertPolicy(QComboBox::NoInsert);
    m_value->setMinimumContentsLength(14);
    m_and = new QLabel(tr("and"), this);
    m_value2 = new QLineEdit(this);
    m_value2->setObjectName(QStringLiteral("filterValue2"));
    m_value2->setAccessibleName(tr("Second value"));
    m_days = new QSpinBox(this);
    m_days->setObjectName(QStringLiteral("filterDays"));
    m_days->setRange(1, 3650);
    m_days->setValue(60);
    m_days->setSuffix(tr(" days"));
    auto *textPage = new QWidget(this);
    auto *textRow = new QHBoxLayout(textPage);
    textRow->setContentsMargins(0, 0, 0, 0);
    textRow->addWidget(m_value, 1);
    textRow->addWidget(m_and);
    textRow->addWidget(m_value2, 1);
    textRow->addWidget(m_days);

    m_date = new QDateEdit(this);
    m_date->setObjectName(QStringLiteral("filterDate"));
    m_date->setCalendarPopup(true);
    m_date->setDate(QDate::currentDate());
    m_date2 = new QDateEdit(this);
    m_date2->setObjectName(QStringLiteral("filterDate2"));
    m_date2->setCalendarPopup(true);
    m_date2->setDate(QDate::currentDate());
    auto *datePage = new QWidget(this);
    auto *dateRow = new QHBoxLayout(datePage);
    dateRow->setContentsMargins(0, 0, 0, 0);
    dateRow->addWidget(m_date);
    m_dateAnd = new QLabel(tr("and"), datePage);
    dateRow->addWidget(m_dateAnd);
    dateRow->addWidget(m_date2);
    dateRow->addStretch();

    m_question = new QLineEdit(this);
    m_question->setObjectName(QStringLiteral("filterQuestion"));
    m_question->setPlaceholderText(tr("The question asked when the report runs"));
    m_question->setAccessibleName(tr("Question asked when run"));

    m_values = new QStackedWidget(this);
    m_values->addWidget(textPage);
    m_values->addWidget(datePage);
    m_values->addWidget(new QWidget(this));
    m_values->addWidget(m_question);
    m_values->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

    m_ask = new QCheckBox(tr("Ask when run"), this);
    m_ask->setObjectName(QStringLiteral("filterAsk"));
    m_ask->setToolTip(tr("Leave the value open: the report asks for it each time it runs."));
    m_remove = new QToolButton(this);
    m_remove->setObjectName(QStringLiteral("filterRemove"));
    m_remove->setText(QStringLiteral("✕"));
    m_remove->setToolTip(tr("Remove this condition"));
    m_remove->setAccessibleName(tr("Remove this condition"));

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_field);
    row->addWidget(m_operator);
    row->addWidget(m_values, 1);
    row->addWidget(m_ask);
    row->addWidget(m_remove);

    connect(m_field, &QComboBox::currentIndexChanged, this, &FilterConditionWidget::fieldChanged);
    connect(m_operator, &QComboBox::currentIndexChanged, this, &FilterConditionWidget::operatorChanged);
    auto notify = [this] {
        if (!m_loading)
            Q_EMIT changed();
    };
    connect(m_value, &QComboBox::currentTextChanged, this, notify);
    connect(m_value, &QComboBox::currentIndexChanged, this, [this] {
        const ReportField *f = field();
        m_days->setVisible(f && f->kind == ReportField::Kind::Membership &&
                           m_value->currentData().toString() == QLatin1String("ending"));
    });
    connect(m_value2, &QLineEdit::textChanged, this, notify);
    connect(m_date, &QDateEdit::dateChanged, this, notify);
    connect(m_date2, &QDateEdit::dateChanged, this, notify);
    connect(m_days, &QSpinBox::valueChanged, this, notify);
    connect(m_question, &QLineEdit::textChanged, this, notify);
    connect(m_ask, &QCheckBox::toggled, this, [this](bool on) {
        if (on && m_question->text().isEmpty())
            m_question->setText(tr("%1?").arg(m_field->currentText()));
        operatorChanged();
    });
    connect(m_remove, &QToolButton::clicked, this, &FilterConditionWidget::removeRequested);
    fieldChanged();
}

const ReportField *FilterConditionWidget::field() const
{
    return m_fields.find(m_field->currentData().toString());
}

void FilterConditionWidget::fieldChanged()
{
    const ReportField *f = field();
    if (!f)
        return;
    const bool wasLoading = m_loading;
    m_loading = true;
    const QString op = m_operator->currentData().toString();
    m_operator->clear();
    for (const QString &o : ReportFields::operators(f->kind))
        m_operator->addItem(ReportFields::operatorLabel(o), o);
    const int keep = m_operator->findData(op);
    m_operator->setCurrentIndex(keep >= 0 ? keep : 0);
    m_value->clear();
    const auto fixed = ReportFields::fixedValues(f->kind);
    m_value->setEditable(fixed.isEmpty());
    for (const auto &[value, label] : fixed)
        m_value->addItem(label, value);
    for (const QString &choice : f->choices)
        m_value->addItem(choice, choice);
    if (fixed.isEmpty())
        m_value->setCurrentText(QString());
    m_ask->setEnabled(f->kind != ReportField::Kind::Consent && f->kind != ReportField::Kind::Membership);
    if (!m_ask->isEnabled())
        m_ask->setChecked(false);
    m_loading = wasLoading;
    operatorChanged();
}

void FilterConditionWidget::operatorChanged()
{
    const ReportField *f = field();
    if (!f)
        return;
    const QString op = m_operator->currentData().toString();
    const bool noValue = op == QLatin1String("is_empty") || op == QLatin1String("is_not_empty");
    const bool between = op == QLatin1String("between");
    if (m_ask->isChecked() && !noValue && !between)
        m_values->setCurrentIndex(QuestionPage);
    else if (noValue)
        m_values->setCurrentIndex(NonePage);
    else if (f->kind == ReportField::Kind::Date)
        m_values->setCurrentIndex(DatePage);
    else
        m_values->setCurrentIndex(TextPage);
    m_ask->setEnabled(!noValue && !between && f->kind != ReportField::Kind::Consent &&
                      f->kind != ReportField::Kind::Membership);
    m_date2->setVisible(between);
    m_dateAnd->setVisible(between);
    m_and->setVisible(between);
    m_value2->setVisible(between);
    m_days->setVisible(f->kind == ReportField::Kind::Membership &&
                       m_value->currentData().toString() == QLatin1String("ending"));
    if (!m_loading)
        Q_EMIT changed();
}

Reports::FilterCondition FilterConditionWidget::condition() const
{
    Reports::FilterCondition c;
    const ReportField *f = field();
    c.field = m_field->currentData().toString();
    c.op = m_operator->currentData().toString();
    if (c.op == QLatin1String("is_empty") || c.op == QLatin1String("is_not_empty"))
        return c;
    if (m_values->currentIndex() == QuestionPage) {
        c.param = paramKey(c.field);
        c.paramLabel = m_question->text().trimmed();
        return c;
    }
    const bool date = f && f->kind == ReportField::Kind::Date;
    if (c.op == QLatin1String("between")) {
        c.value = date ? QJsonArray{m_date->date().toString(Qt::ISODate), m_date2->date().toString(Qt::ISODate)}
                       : QJsonArray{m_value->currentText().trimmed(), m_value2->text().trimmed()};
        return c;
    }
    if (date) {
        c.value = m_date->date().toString(Qt::ISODate);
        return c;
    }
    const bool fixed = f && !ReportFields::fixedValues(f->kind).isEmpty();
    const QString text = fixed ? m_value->currentData().toString() : m_value->currentText().trimmed();
    if (c.op == QLatin1String("in")) {
        QJsonArray list;
        for (const QString &part : text.split(QLatin1Char(';'), Qt::SkipEmptyParts))
            if (!part.trimmed().isEmpty())
                list.append(part.trimmed());
        c.value = list;
        return c;
    }
    c.value = text;
    if (f && f->kind == ReportField::Kind::Membership && text == QLatin1String("ending"))
        c.days = m_days->value();
    return c;
}

void FilterConditionWidget::setCondition(const Reports::FilterCondition &c)
{
    m_loading = true;
    int index = m_field->findData(c.field);
    if (index < 0) { // a field not offered any more (an attribute no longer seen): keep it
        m_field->addItem(c.field, c.field);
        index = m_field->count() - 1;
    }
    m_field->setCurrentIndex(index);
    fieldChanged();
    m_loading = true;
    const int op = m_operator->findData(c.op);
    m_operator->setCurrentIndex(op >= 0 ? op : 0);
    m_ask->setChecked(!c.param.isEmpty());
    m_question->setText(c.paramLabel);
    const ReportField *f = field();
    const bool date = f && f->kind == ReportField::Kind::Date;
    if (c.value.isArray()) {
        const QJsonArray a = c.value.toArray();
        if (c.op == QLatin1String("between")) {
            m_value->setCurrentText(a.at(0).toString());
            m_value2->setText(a.at(1).toString());
            m_date->setDate(QDate::fromString(a.at(0).toString(), Qt::ISODate));
            m_date2->setDate(QDate::fromString(a.at(1).toString(), Qt::ISODate));
        } else {
            QStringList parts;
            for (const QJsonValue &v : a)
                parts.append(v.toVariant().toString());
            m_value->setCurrentText(parts.join(QStringLiteral("; ")));
        }
    } else if (date) {
        m_date->setDate(QDate::fromString(c.value.toString(), Qt::ISODate));
    } else {
        const int known = m_value->findData(c.value.toVariant().toString());
        if (known >= 0)
            m_value->setCurrentIndex(known);
        else
            m_value->setCurrentText(c.value.toVariant().toString());
    }
    if (c.days > 0)
        m_days->setValue(c.days);
    m_loading = false;
    operatorChanged();
}

QString FilterConditionWidget::problem() const
{
    const Reports::FilterCondition c = condition();
    if (!c.param.isEmpty())
        return c.paramLabel.isEmpty() ? tr("Write the question the report will ask.") : QString();
    if (c.op == QLatin1String("is_empty") || c.op == QLatin1String("is_not_empty"))
        return {};
    if (c.value.isArray()) {
        const QJsonArray a = c.value.toArray();
        for (const QJsonValue &v : a)
            if (v.toString().isEmpty())
                return tr("Give both values.");
        return a.isEmpty() ? tr("Give at least one value.") : QString();
    }
    return c.value.toString().isEmpty() ? tr("Give a value for \"%1\".").arg(m_field->currentText()) : QString();
}

} // namespace Gui
