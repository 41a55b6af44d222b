// SPDX-License-Identifier: GPL-3.0-or-later
#include "displayfilterbar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Deck::Gui {

namespace {

const QString kHistoryKey = u"events/filterHistory"_s;

QString fieldsHelp()
{
    QStringList lines;
    for (const Core::FilterField &field : Core::displayFilterFields())
        lines << u"<tr><td><code>%1</code></td><td>%2</td></tr>"_s.arg(QLatin1StringView(field.name),
                                                                       QLatin1StringView(field.help));
    return DisplayFilterBar::tr("<p>Compare fields with <code>== != contains &lt; &gt; &lt;= &gt;=</code>, combine "
                                "with <code>and or not</code> and parentheses; quote text with \"...\" "
                                "(escapes \\\" \\\\ \\n \\t \\xHH). Enter applies.</p><table>%1</table>")
        .arg(lines.join(QString()));
}

} // namespace

DisplayFilterBar::DisplayFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QComboBox(this))
    , m_apply(new QPushButton(tr("Apply"), this))
    , m_error(new QLabel(this))
{
    m_edit->setEditable(true);
    m_edit->setInsertPolicy(QComboBox::NoInsert);
    m_edit->setMaxCount(kHistory);
    m_edit->addItems(QSettings().value(kHistoryKey).toStringList().mid(0, kHistory));
    m_edit->setCurrentIndex(-1);
    m_edit->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_edit->lineEdit()->setPlaceholderText(
        tr("Display filter, e.g. proc.exe contains \"curl\" and net.rport == 443   (Ctrl+/)"));
    m_edit->lineEdit()->setClearButtonEnabled(true);
    m_edit->setToolTip(fieldsHelp());
    m_apply->setToolTip(tr("Apply the display filter (Enter)"));
    m_error->setStyleSheet(u"QLabel { color: #b3261e; }"_s);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_edit, 1);
    row->addWidget(m_apply);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(m_error);

    connect(m_edit, &QComboBox::editTextChanged, this, &DisplayFilterBar::check);
    connect(m_edit->lineEdit(), &QLineEdit::returnPressed, this, &DisplayFilterBar::applyCurrent);
    connect(m_apply, &QPushButton::clicked, this, &DisplayFilterBar::applyCurrent);
    // Picking a filter of the history applies it.
    connect(m_edit, &QComboBox::activated, this, &DisplayFilterBar::applyCurrent);
}

QString DisplayFilterBar::text() const
{
    return m_edit->currentText();
}

QString DisplayFilterBar::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QStringList DisplayFilterBar::history() const
{
    QStringList list;
    for (int i = 0; i < m_edit->count(); ++i)
        list << m_edit->itemText(i);
    return list;
}

void DisplayFilterBar::focusEditor()
{
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->lineEdit()->selectAll();
}

void DisplayFilterBar::apply(const QString &text)
{
    m_edit->setEditText(text);
    applyCurrent();
}

void DisplayFilterBar::check()
{
    const QString text = m_edit->currentText();
    const auto parsed = Core::parseDisplayFilter(text);
    // Wireshark's colours: a valid filter green, an invalid one red.
    m_edit->lineEdit()->setStyleSheet(text.trimmed().isEmpty() ? QString()
                                          : parsed             ? u"QLineEdit { background: #e4f5e1; }"_s
                                                               : u"QLineEdit { background: #fbe3e1; }"_s);
    m_error->setText(parsed ? QString() : tr("Invalid filter — %1").arg(parsed.error().message));
    m_error->setHidden(parsed.ok());
    m_apply->setEnabled(parsed.ok());
}

void DisplayFilterBar::applyCurrent()
{
    const QString text = m_edit->currentText();
    // One Enter reaches here twice (the line edit's returnPressed and the combo box's activated): once is enough.
    if (m_justApplied && text == m_applied)
        return;
    auto parsed = Core::parseDisplayFilter(text);
    check();
    if (!parsed)
        return;
    if (!text.trimmed().isEmpty())
        remember(text);
    m_applied = text;
    m_justApplied = true;
    QTimer::singleShot(0, this, [this] { m_justApplied = false; });
    Q_EMIT applied(*parsed, text);
}

void DisplayFilterBar::remember(const QString &text)
{
    QStringList list = history();
    list.removeAll(text);
    list.prepend(text);
    list = list.mid(0, kHistory);
    const QSignalBlocker blocker(m_edit);
    m_edit->clear();
    m_edit->addItems(list);
    m_edit->setCurrentIndex(0);
    QSettings().setValue(kHistoryKey, list);
}

} // namespace Deck::Gui
