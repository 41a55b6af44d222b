/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What file.bpf.c shares with userspace (EbpfFileSource): the aggregation map's key and value, and the record it
 * writes into its ring buffer for the first access of a (process, file, operation) in a window. Fixed-width fields, no
 * padding holes, like processrecord.h. */
#ifndef FLIGHT_FILERECORD_H
#define FLIGHT_FILERECORD_H

#include "processrecord.h"

enum flight_file_op {
    FLIGHT_FILE_OPEN = 1,
    FLIGHT_FILE_EXEC = 2, /* an open for exec (__FMODE_EXEC); not also counted as an open, as fanotify's FAN_OPEN_EXEC */
    FLIGHT_FILE_WRITE = 3, /* the last close of a file opened for writing (FAN_CLOSE_WRITE) */
};

/* flight_file_record.flags */
enum flight_file_flag {
    /* The aggregation map was full: this record is one access, not counted in the map (userspace folds it). */
    FLIGHT_FILE_UNCOUNTED = 1 << 0,
    FLIGHT_FILE_PATH_INCOMPLETE = 1 << 1, /* the path could not be read whole; path_len 0 */
};

#define FLIGHT_RECORD_FILE 32

/* The aggregation map's key: one (process, file, operation). */
struct flight_file_key
{
    struct flight_key proc;
    __u64 ino;
    __u32 dev; /* the kernel's dev_t (major << 20 | minor) */
    __u32 op; /* enum flight_file_op */
};

/* The aggregation map's value: accesses since the entry was created (by the first one, which wrote a record). */
struct flight_file_count
{
    __u64 count;
    __u64 first_ns, last_ns; /* bpf_ktime_get_boot_ns() */
};

/* The path is data[path_off .. path_off + path_len), no NUL; data is large enough for the dentry walk of paths.bpf.h
 * (struct flight_path_work). */
struct flight_file_record
{
    __u32 kind; /* FLIGHT_RECORD_FILE */
    __u32 size; /* sizeof(struct flight_file_record) */
    __u64 mono_ns;
    struct flight_file_key key;
    __u32 flags; /* enum flight_file_flag */
    __u16 path_off, path_len;
    char data[2 * FLIGHT_PATH_MAX + 256];
};

#endif
