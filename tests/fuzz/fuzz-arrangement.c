/* fuzz-arrangement.c — libFuzzer target for the saved arrangement reader
 *
 * The arrangement file sits in the user's data folder and is read each
 * time its story opens: any bytes must be refused with a message or read
 * into pins whose positions are finite and whose ids are UTF-8.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "entente-arrangement.h"
#include "fuzz-warnings.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_crash_on_warnings ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntenteArrangement) arrangement = entente_arrangement_from_bytes (bytes, "microsoft-openai", &error);

  if (arrangement == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }

  for (guint i = 0; i < arrangement->pins->len; i++)
    {
      const EntentePin *pin = &g_array_index (arrangement->pins, EntentePin, i);

      g_assert_true (g_utf8_validate (pin->entity_id, -1, NULL));
      g_assert_true (isfinite (pin->x) && isfinite (pin->y));
    }
  return 0;
}
