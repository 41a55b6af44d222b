// SPDX-License-Identifier: GPL-3.0-or-later
#include "programrun.h"

#include <QJsonDocument>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace Flight::TestSupport {

QList<QJsonObject> ProgramRun::json(const QString &key) const
{
    QList<QJsonObject> objects;
    for (const QString &line : out.split(u'\n', Qt::SkipEmptyParts)) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line.toUtf8(), &error);
        const bool isObject = error.error == QJsonParseError::NoError && document.isObject();
        if (!key.isEmpty()) {
            if (isObject && document.object().contains(key))
                objects.append(document.object());
            continue;
        }
        if (!isObject)
            qWarning("not a JSON object line: %s", qPrintable(line));
        objects.append(document.object());
    }
    return objects;
}

ProgramRun runProgram(const QString &program, const QStringList &arguments, const QString &input,
                      const QProcessEnvironment &environment)
{
    QProcess process;
    if (!environment.isEmpty())
        process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        return {};
    process.write(input.toUtf8());
    process.closeWriteChannel();
    ProgramRun run;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace Flight::TestSupport
