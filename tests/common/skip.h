// SPDX-License-Identifier: GPL-3.0-or-later
// A test skips only when the machine lacks a capability, and says which. Under CI=true the CI machine has every
// capability the suite needs, so a skip there is a failure (STYLE.md "Tests").
#pragma once

#include <QTest>

#define FLIGHT_SKIP(reason)                                                                                            \
    do {                                                                                                               \
        if (qEnvironmentVariable("CI") == QLatin1StringView("true"))                                                   \
            QFAIL(qPrintable(QStringLiteral("CI=true, yet this test would skip: ") + QStringLiteral(reason)));         \
        QSKIP(reason);                                                                                                 \
    } while (false)
