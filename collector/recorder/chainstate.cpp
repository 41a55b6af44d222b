// SPDX-License-Identifier: GPL-3.0-or-later
#include "chainstate.h"

#include "securefile.h"

#include <QFile>
#include <QRegularExpression>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flight::Recorder {

Expected<ChainState> ChainState::acquire(const QString &keyPath)
{
    ChainState state;
    state.m_path = keyPath + u".chain"_s;
    const QByteArray lockName = QFile::encodeName(keyPath + u".lock"_s);
    state.m_lockFd = ::open(lockName.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (state.m_lockFd < 0 || ::flock(state.m_lockFd, LOCK_EX) != 0)
        return Error{u"%1.lock: cannot lock: %2"_s.arg(keyPath, QString::fromLocal8Bit(std::strerror(errno)))};

    QFile file(state.m_path);
    if (!file.exists())
        return state;
    if (!file.open(QIODevice::ReadOnly))
        return Error{u"%1: cannot read: %2"_s.arg(state.m_path, file.errorString())};
    // "<seq> <digest>\n"
    static const QRegularExpression line(u"^([0-9]{1,18}) ([0-9a-f]{64})$"_s);
    const auto match = line.match(QString::fromLatin1(file.read(256)).trimmed());
    if (!match.hasMatch())
        return Error{u"%1: not a chain state (expected '<seq> <digest>'); move it away to start a new chain"_s.arg(
            state.m_path)};
    state.m_lastSeq = match.captured(1).toLongLong();
    state.m_lastDigest = match.captured(2);
    return state;
}

ChainState::ChainState(ChainState &&other) noexcept
    : m_path(std::move(other.m_path))
    , m_lockFd(std::exchange(other.m_lockFd, -1))
    , m_lastSeq(other.m_lastSeq)
    , m_lastDigest(std::move(other.m_lastDigest))
{
}

ChainState::~ChainState()
{
    if (m_lockFd >= 0)
        ::close(m_lockFd); // releases the flock
}

Expected<void> ChainState::advance(qint64 seq, const QString &digest)
{
    const QByteArray content = QByteArray::number(seq) + ' ' + digest.toLatin1() + '\n';
    if (auto written = Format::writePrivateFile(m_path, content, true); !written)
        return written;
    m_lastSeq = seq;
    m_lastDigest = digest;
    return {};
}

} // namespace Flight::Recorder
