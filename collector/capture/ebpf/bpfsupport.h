// SPDX-License-Identifier: GPL-3.0-or-later
// What every eBPF source does the same way before it loads its object: libbpf's messages into the debug log
// (QT_LOGGING_RULES="flightrec.capture.ebpf=true" shows verifier logs), the checks that the kernel has BTF and that a
// ring buffer size is usable, and errno text for one-line reasons.
#pragma once

#include "expected.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcEbpf)

namespace Flight::Capture {

// Routes libbpf's printing to lcEbpf; once per process, any thread.
void installLibbpfLogging();

// "operation not permitted" for EPERM or -EPERM.
QString bpfErrorText(int error);

// Fails with a one-line reason, naming `what`, unless the kernel has BTF and `ringBytes` is a power of two between the
// page size and 1 GiB.
Expected<void> checkBpfPrerequisites(const QString &what, qint64 ringBytes);

} // namespace Flight::Capture
