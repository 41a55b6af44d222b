// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphstyle.h"

#include <QCoreApplication>
#include <QLocale>

namespace Deck::Gui {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Deck::Gui::GraphStyle", text);
}
const QColor kNetwork(0x2f, 0x6f, 0xb5);
const QColor kPlain(0x9a, 0xa5, 0xb1);
} // namespace

QStringList fileOperations()
{
    return {QStringLiteral("delete"), QStringLiteral("rename"), QStringLiteral("rename-to"), QStringLiteral("write"),
            QStringLiteral("create"), QStringLiteral("exec"),   QStringLiteral("open")};
}

QColor operationColor(const QString &op)
{
    if (op == QLatin1String("delete"))
        return QColor(0xc0, 0x39, 0x2b);
    if (op == QLatin1String("rename") || op == QLatin1String("rename-to"))
        return QColor(0x8e, 0x44, 0xad);
    if (op == QLatin1String("write"))
        return QColor(0xd3, 0x6b, 0x00);
    if (op == QLatin1String("create"))
        return QColor(0xb0, 0x8a, 0x00);
    if (op == QLatin1String("exec"))
        return QColor(0x1e, 0x8c, 0x4e);
    if (op == QLatin1String("open"))
        return QColor(0x4a, 0x6f, 0x9c);
    return kNetwork;
}

QColor edgeColor(const Models::GraphEdge &edge)
{
    if (edge.ops.isEmpty())
        return kPlain;
    for (const QString &op : fileOperations()) {
        if (edge.ops.contains(op))
            return operationColor(op);
    }
    return kNetwork;
}

QColor nodeFill(Models::NodeKind kind)
{
    switch (kind) {
    case Models::NodeKind::Host:
        return QColor(0xe3, 0xf1, 0xe0);
    case Models::NodeKind::Process:
        return QColor(0xe4, 0xed, 0xf8);
    case Models::NodeKind::File:
        return QColor(0xf6, 0xf4, 0xee);
    case Models::NodeKind::Remote:
        return QColor(0xfb, 0xea, 0xd9);
    case Models::NodeKind::More:
        break;
    }
    return QColor(0xff, 0xff, 0xff);
}

QColor nodeBorder(Models::NodeKind kind)
{
    switch (kind) {
    case Models::NodeKind::Host:
        return QColor(0x5b, 0x8c, 0x52);
    case Models::NodeKind::Process:
        return QColor(0x4a, 0x6f, 0x9c);
    case Models::NodeKind::File:
        return QColor(0x9c, 0x93, 0x7a);
    case Models::NodeKind::Remote:
        return QColor(0xc0, 0x7a, 0x35);
    case Models::NodeKind::More:
        break;
    }
    return QColor(0x88, 0x88, 0x88);
}

QString operationName(const QString &op)
{
    if (op == QLatin1String("open"))
        return tr("open");
    if (op == QLatin1String("exec"))
        return tr("exec");
    if (op == QLatin1String("write"))
        return tr("write");
    if (op == QLatin1String("create"))
        return tr("create");
    if (op == QLatin1String("delete"))
        return tr("delete");
    if (op == QLatin1String("rename"))
        return tr("rename");
    if (op == QLatin1String("rename-to"))
        return tr("renamed to");
    return op; // a network edge's "tcp 443": protocol and ports, no words
}

QString edgeLabel(const Models::GraphEdge &edge)
{
    QStringList parts;
    // Heaviest operation first, as the colour says.
    QStringList ops = edge.ops.keys();
    const QStringList weights = fileOperations();
    std::stable_sort(ops.begin(), ops.end(), [&](const QString &a, const QString &b) {
        const auto wa = weights.indexOf(a);
        const auto wb = weights.indexOf(b);
        return (wa < 0 ? weights.size() : wa) < (wb < 0 ? weights.size() : wb);
    });
    for (const QString &op : std::as_const(ops)) {
        const qint64 count = edge.ops.value(op);
        parts << (count > 1 ? tr("%1 ×%2").arg(operationName(op), QLocale().toString(count)) : operationName(op));
    }
    return parts.join(QStringLiteral(" · "));
}

} // namespace Deck::Gui
