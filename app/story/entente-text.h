/* entente-text.h — localized story text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *lang; /* NULL for a plain string, which stands for every language */
  char *text;
} EntenteTextVariant;

/* A story text: one plain string, or one string per language. */
typedef struct
{
  guint               n_variants;
  EntenteTextVariant *variants;
} EntenteText;

#define ENTENTE_TEXT_IS_SET(t) ((t)->n_variants > 0)

const char *entente_text_lookup  (const EntenteText  *text,
                                  const char * const *languages);
const char *entente_text_get     (const EntenteText  *text);
const char *entente_text_get_in  (const EntenteText  *text,
                                  const char         *language);
void        entente_text_clear   (EntenteText        *text);

char       *entente_escape_controls     (const char *text);
gunichar    entente_text_find_forbidden (const char *text);

G_END_DECLS
