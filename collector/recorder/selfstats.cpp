// SPDX-License-Identifier: GPL-3.0-or-later
#include "selfstats.h"

#include <cstdio>
#include <sys/resource.h>
#include <unistd.h>

namespace Flight::Recorder {

qint64 cpuMilliseconds()
{
    rusage usage = {};
    getrusage(RUSAGE_SELF, &usage);
    auto ms = [](const timeval &t) { return qint64(t.tv_sec) * 1000 + t.tv_usec / 1000; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

qint64 residentKilobytes()
{
    FILE *statm = std::fopen("/proc/self/statm", "r");
    if (!statm)
        return 0;
    long size = 0, resident = 0;
    const int read = std::fscanf(statm, "%ld %ld", &size, &resident);
    std::fclose(statm);
    return read == 2 ? qint64(resident) * sysconf(_SC_PAGESIZE) / 1024 : 0;
}

} // namespace Flight::Recorder
