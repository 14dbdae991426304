/* entente-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "entente-text.h"

/* "fr_CA.UTF-8@euro" and "fr" name the same language for our purpose when
 * no variant for the full name exists. */
static gboolean
language_matches (const char *wanted,
                  const char *variant)
{
  gsize len;

  if (g_ascii_strcasecmp (wanted, variant) == 0)
    return TRUE;

  len = strcspn (wanted, "_.@");
  return len > 0 && strlen (variant) == len && g_ascii_strncasecmp (wanted, variant, len) == 0;
}

static const char *
find_variant (const EntenteText *text,
              const char        *language)
{
  /* A variant in the language itself before a plain string, which stands
   * for every language (an edited text can hold both). */
  for (guint i = 0; i < text->n_variants; i++)
    if (text->variants[i].lang != NULL && language_matches (language, text->variants[i].lang))
      return text->variants[i].text;
  for (guint i = 0; i < text->n_variants; i++)
    if (text->variants[i].lang == NULL)
      return text->variants[i].text;

  return NULL;
}

/* Falls back from the wanted languages, in order, to English, then to
 * whatever the text has. Returns "" for an unset text. */
const char *
entente_text_lookup (const EntenteText  *text,
                     const char * const *languages)
{
  const char *found;

  g_return_val_if_fail (text != NULL, "");

  if (text->n_variants == 0)
    return "";

  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    {
      if (g_str_equal (languages[i], "C") || g_str_equal (languages[i], "POSIX"))
        continue;
      if ((found = find_variant (text, languages[i])))
        return found;
    }

  if ((found = find_variant (text, "en")))
    return found;

  return text->variants[0].text;
}

const char *
entente_text_get (const EntenteText *text)
{
  return entente_text_lookup (text, g_get_language_names ());
}

const char *
entente_text_get_in (const EntenteText *text,
                     const char        *language)
{
  const char *languages[] = { language, NULL };

  return entente_text_lookup (text, languages);
}

void
entente_text_clear (EntenteText *text)
{
  for (guint i = 0; i < text->n_variants; i++)
    {
      g_free (text->variants[i].lang);
      g_free (text->variants[i].text);
    }
  g_clear_pointer (&text->variants, g_free);
  text->n_variants = 0;
}

/* For a terminal: a story must not be able to move the cursor, rewrite a
 * line or set the window's title through a message that quotes it. Line
 * breaks stay (a message has one problem a line); every other control
 * character, and any byte that is not UTF-8, is spelled out. */
char *
entente_escape_controls (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  const char *p = text;

  while (*p)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02X", (guchar) *p);
          p++;
          continue;
        }
      if ((c < 0x20 && c != '\n') || (c >= 0x7F && c < 0xA0))
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}

/* Control characters would reach terminals, labels and XML exports, where
 * they are invisible, dangerous or not allowed; noncharacters are not
 * text. The first such character in @text (UTF-8), or 0. Tab, line feed
 * and carriage return are text. */
gunichar
entente_text_find_forbidden (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
          (c >= 0x7F && c < 0xA0) ||
          (c >= 0xFDD0 && c < 0xFDF0) || (c & 0xFFFE) == 0xFFFE)
        return c;
    }
  return 0;
}
