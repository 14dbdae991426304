/* entente-json-scan.c
 *
 * A story file is one object whose big members are lists. Building it whole
 * with json-glib costs some 18 times its size (485 MB for a 26 MB file of
 * 100,000 entities), so the loader parses one list element at a time. This
 * scanner finds where each top-level member and each element of a
 * top-level list lies, checking the grammar of those two levels strictly;
 * anything it does not fully understand makes it give up (NULL), and the
 * loader then parses the whole document as before, so that every error
 * message stays the same. What lies inside an element is json-glib's to
 * check when it parses that element.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "entente-json-scan.h"

typedef struct
{
  const char *data;
  gsize       len;
  gsize       pos;
} Scanner;

static void
skip_blanks (Scanner *s)
{
  while (s->pos < s->len && strchr (" \t\r\n", s->data[s->pos]) && s->data[s->pos] != '\0')
    s->pos++;
}

static gboolean
peek (Scanner *s,
      char     c)
{
  return s->pos < s->len && s->data[s->pos] == c;
}

/* Past a string starting at the opening quote. */
static gboolean
skip_string (Scanner *s)
{
  s->pos++;
  while (s->pos < s->len)
    {
      char c = s->data[s->pos++];

      if (c == '"')
        return TRUE;
      if (c == '\\')
        {
          if (s->pos >= s->len)
            return FALSE;
          s->pos++;
        }
      else if ((guchar) c < 0x20)
        return FALSE;
    }
  return FALSE;
}

/* Past any value: strings, balanced brackets (contents unchecked), or a
 * run of scalar characters. */
static gboolean
skip_value (Scanner *s)
{
  gsize start = s->pos;
  int depth = 0;

  if (s->pos >= s->len)
    return FALSE;

  if (peek (s, '"'))
    return skip_string (s);

  if (peek (s, '{') || peek (s, '['))
    {
      while (s->pos < s->len)
        {
          char c = s->data[s->pos];

          if (c == '"')
            {
              if (!skip_string (s))
                return FALSE;
              continue;
            }
          if (c == '{' || c == '[')
            depth++;
          else if (c == '}' || c == ']')
            {
              if (--depth == 0)
                {
                  s->pos++;
                  return TRUE;
                }
            }
          s->pos++;
        }
      return FALSE;
    }

  while (s->pos < s->len && !strchr (",]} \t\r\n", s->data[s->pos]) && s->data[s->pos] != '\0')
    s->pos++;
  return s->pos > start;
}

static void
member_free (gpointer data)
{
  EntenteJsonMember *member = data;

  g_free (member->name);
  g_clear_pointer (&member->elements, g_array_unref);
  g_free (member);
}

void
entente_json_scan_free (EntenteJsonScan *scan)
{
  if (scan == NULL)
    return;
  g_ptr_array_unref (scan->members);
  g_free (scan);
}

static gboolean
scan_array (Scanner           *s,
            EntenteJsonMember *member)
{
  member->is_array = TRUE;
  member->elements = g_array_new (FALSE, FALSE, sizeof (EntenteJsonRange));
  s->pos++;
  skip_blanks (s);
  if (peek (s, ']'))
    {
      s->pos++;
      return TRUE;
    }

  for (;;)
    {
      EntenteJsonRange element;

      skip_blanks (s);
      element.start = s->pos;
      if (!skip_value (s))
        return FALSE;
      element.end = s->pos;
      g_array_append_val (member->elements, element);
      skip_blanks (s);
      if (peek (s, ','))
        s->pos++;
      else if (peek (s, ']'))
        {
          s->pos++;
          return TRUE;
        }
      else
        return FALSE;
    }
}

EntenteJsonScan *
entente_json_scan (const char *data,
                   gsize       len)
{
  g_autoptr(EntenteJsonScan) scan = g_new0 (EntenteJsonScan, 1);
  Scanner s = { data, len, 0 };

  scan->members = g_ptr_array_new_with_free_func (member_free);

  skip_blanks (&s);
  if (!peek (&s, '{'))
    return NULL;
  s.pos++;
  skip_blanks (&s);

  if (peek (&s, '}'))
    s.pos++;
  else
    for (;;)
      {
        EntenteJsonMember *member;
        gsize key_start;

        skip_blanks (&s);
        if (!peek (&s, '"'))
          return NULL;
        key_start = s.pos + 1;
        if (!skip_string (&s))
          return NULL;
        /* Escaped keys are rare enough to leave to json-glib. */
        if (memchr (data + key_start, '\\', s.pos - 1 - key_start))
          return NULL;

        member = g_new0 (EntenteJsonMember, 1);
        member->name = g_strndup (data + key_start, s.pos - 1 - key_start);
        g_ptr_array_add (scan->members, member);

        skip_blanks (&s);
        if (!peek (&s, ':'))
          return NULL;
        s.pos++;
        skip_blanks (&s);

        member->value.start = s.pos;
        if (peek (&s, '['))
          {
            if (!scan_array (&s, member))
              return NULL;
          }
        else if (!skip_value (&s))
          return NULL;
        member->value.end = s.pos;

        skip_blanks (&s);
        if (peek (&s, ','))
          s.pos++;
        else if (peek (&s, '}'))
          {
            s.pos++;
            break;
          }
        else
          return NULL;
      }

  skip_blanks (&s);
  if (s.pos != len)
    return NULL;

  return g_steal_pointer (&scan);
}

/* The last member of that name, as a JSON object keeps it. */
const EntenteJsonMember *
entente_json_scan_lookup (const EntenteJsonScan *scan,
                          const char            *name)
{
  for (guint i = scan->members->len; i > 0; i--)
    {
      const EntenteJsonMember *member = g_ptr_array_index (scan->members, i - 1);

      if (g_str_equal (member->name, name))
        return member;
    }
  return NULL;
}

/* Line and column (from 1) of a byte offset, columns counted in characters. */
void
entente_json_position (const char *data,
                       gsize       offset,
                       guint      *line,
                       guint      *column)
{
  *line = 1;
  *column = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) data[i] & 0xC0) != 0x80)
        (*column)++;
    }
}
