/* fuzz-warnings.c — a critical or warning from GLib or json-glib means a
 * wrong call on some input: make it a crash, so that the fuzzer keeps it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <glib.h>

#include "fuzz-warnings.h"

static GLogWriterOutput
crash_on_warnings (GLogLevelFlags   log_level,
                   const GLogField *fields,
                   gsize            n_fields,
                   gpointer         user_data)
{
  GLogWriterOutput written = g_log_writer_default (log_level, fields, n_fields, user_data);

  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return written;
}

void
fuzz_crash_on_warnings (void)
{
  g_log_set_writer_func (crash_on_warnings, NULL, NULL);
}
