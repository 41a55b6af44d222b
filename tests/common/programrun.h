// SPDX-License-Identifier: GPL-3.0-or-later
// Runs a program to its end for a test (the CLIs, installer scripts, ssh/sftp): its exit code and both outputs.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace Flight::TestSupport {

struct ProgramRun
{
    int code = -1; // -1: did not start, crashed or ran past the time limit
    QString out;
    QString err;

    // The JSON object lines of `out`; with `key`, only those that have it (other lines are skipped). Without a key,
    // a line that is not a JSON object is warned about and counts as an empty object.
    QList<QJsonObject> json(const QString &key = {}) const;
};

// `input` is written to the program's stdin, which is then closed; an empty `environment` inherits this process's.
ProgramRun runProgram(const QString &program, const QStringList &arguments, const QString &input = {},
                      const QProcessEnvironment &environment = {});

} // namespace Flight::TestSupport
