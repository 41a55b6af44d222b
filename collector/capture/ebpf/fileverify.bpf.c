/* SPDX-License-Identifier: GPL-3.0-or-later */
/* file.bpf.c's programs on a tracepoint instead of fentry/fexit, loaded (never attached) by tst_ebpffilesource so that
 * the verifier sees them on kernels that refuse trampolines. Not part of flightrec. */
#define FLIGHT_FILE_VERIFY_ONLY
#include "file.bpf.c"
