// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinelegend.h"

#include "coveragelanes.h"
#include "timelinestyle.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QSettings>

namespace Deck::Gui {

namespace {

const auto kHiddenKey = QStringLiteral("timeline/hiddenKinds");

QIcon kindSwatch(const QString &kind)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(kindColor(kind));
    QPainter painter(&pixmap);
    painter.setPen(kindColor(kind).darker(140));
    painter.drawRect(0, 0, 11, 11);
    return QIcon(pixmap);
}

QPixmap coverageSwatch(Models::CoverageState state)
{
    QPixmap pixmap(28, 14);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    paintCoverage(painter, QRectF(0, 0, 28, 14), state);
    painter.setPen(QColor(0xb0b0b0));
    painter.drawRect(0, 0, 27, 13);
    return pixmap;
}

} // namespace

KindLegend::KindLegend(QWidget *parent)
    : QWidget(parent)
    , m_list(new QVBoxLayout(this))
{
    m_list->setContentsMargins(4, 8, 4, 4);
    m_list->setSpacing(1);
    m_list->addStretch();
    const QStringList hidden = QSettings().value(kHiddenKey).toStringList();
    m_hidden = QSet<QString>(hidden.begin(), hidden.end());
}

void KindLegend::setKinds(const QStringList &kinds)
{
    if (kinds == m_kinds)
        return;
    m_kinds = kinds;
    while (m_list->count() > 0) {
        auto *item = m_list->takeAt(0);
        delete item->widget();
        delete item;
    }
    auto *title = new QLabel(tr("<b>Events</b> (click to hide)"), this);
    title->setToolTip(tr("Each kind of event the archives hold, stacked in the chart in this order."));
    m_list->addWidget(title);
    for (const QString &kind : kinds) {
        auto *box = new QCheckBox(kind, this);
        box->setIcon(kindSwatch(kind));
        box->setChecked(!m_hidden.contains(kind));
        connect(box, &QCheckBox::toggled, this, [this, kind](bool on) {
            if (on)
                m_hidden.remove(kind);
            else
                m_hidden.insert(kind);
            QSettings().setValue(kHiddenKey, QStringList(m_hidden.begin(), m_hidden.end()));
            Q_EMIT shownChanged();
        });
        m_list->addWidget(box);
    }
    if (kinds.isEmpty())
        m_list->addWidget(new QLabel(tr("no events here"), this));
    m_list->addStretch();
}

QStringList KindLegend::shown() const
{
    QStringList shown;
    for (const QString &kind : m_kinds) {
        if (!m_hidden.contains(kind))
            shown.append(kind);
    }
    return shown;
}

QWidget *createCoverageLegend(QWidget *parent)
{
    auto *legend = new QWidget(parent);
    auto *row = new QHBoxLayout(legend);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(6);
    auto *title = new QLabel(QObject::tr("<b>Coverage:</b>"), legend);
    title->setToolTip(QObject::tr("What the case saw of each host. Solid: evidence (recorded, or a recorded loss). "
                                  "Hatched: no evidence of what happened (not recorded, or archives missing)."));
    row->addWidget(title);
    using State = Models::CoverageState;
    for (const State state :
         {State::Recorded, State::Lost, State::NotRecorded, State::Stopped, State::Crashed, State::ChainGap}) {
        auto *swatch = new QLabel(legend);
        swatch->setPixmap(coverageSwatch(state));
        auto *name = new QLabel(Models::coverageStateName(state), legend);
        for (QLabel *label : {swatch, name})
            label->setToolTip(Models::coverageStateMeaning(state));
        row->addWidget(swatch);
        row->addWidget(name);
        row->addSpacing(10);
    }
    auto *hatch = new QLabel(legend);
    QPixmap pixmap(28, 14);
    pixmap.fill(Qt::white);
    QPainter(&pixmap).fillRect(pixmap.rect(), unrecordedBrush());
    hatch->setPixmap(pixmap);
    auto *hatchName = new QLabel(QObject::tr("in the chart: no shown host recorded"), legend);
    for (QLabel *label : {hatch, hatchName})
        label->setToolTip(QObject::tr("A hatched stretch of the chart has no events because nothing was recorded, "
                                      "not because nothing happened."));
    row->addWidget(hatch);
    row->addWidget(hatchName);
    row->addStretch();
    return legend;
}

} // namespace Deck::Gui
