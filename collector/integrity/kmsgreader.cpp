// SPDX-License-Identifier: GPL-3.0-or-later
#include "kmsgreader.h"

#include "hostfiles.h"

#include <QFile>
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Flight::Integrity {

KmsgReader::KmsgReader(QString path)
    : m_path(std::move(path))
{
}

KmsgReader::~KmsgReader()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

Expected<void> KmsgReader::open()
{
    if (m_fd >= 0)
        return {};
    m_fd = ::open(QFile::encodeName(m_path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (m_fd < 0)
        return Error{u"%1: cannot open: %2"_s.arg(m_path, errnoText(errno))};
    if (::lseek(m_fd, 0, SEEK_END) < 0) {
        const int error = errno;
        ::close(m_fd);
        m_fd = -1;
        return Error{u"%1: cannot seek to the end: %2"_s.arg(m_path, errnoText(error))};
    }
    return {};
}

Expected<KmsgReader::Batch> KmsgReader::readAvailable(qsizetype maxRecords)
{
    Batch batch;
    if (m_fd < 0)
        return Error{u"%1: not open"_s.arg(m_path)};
    char buffer[16384]; // a record is at most about 8 KiB of text plus its dictionary
    while (batch.records.size() < maxRecords) {
        const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN)
                break;
            if (errno == EPIPE) {
                // The next read returns the oldest record left; its sequence number tells how many went.
                m_overrun = true;
                continue;
            }
            return Error{u"%1: cannot read: %2"_s.arg(m_path, errnoText(errno))};
        }
        if (n == 0)
            break;
        auto record = parseKmsgRecord(QByteArrayView(buffer, n));
        if (!record) {
            ++batch.malformed;
            continue;
        }
        if (m_overrun) {
            batch.lost += m_lastSeq >= 0 && record->seq > m_lastSeq + 1 ? record->seq - m_lastSeq - 1 : 1;
            m_overrun = false;
        }
        m_lastSeq = record->seq;
        batch.records.append(std::move(*record));
    }
    return batch;
}

} // namespace Flight::Integrity
