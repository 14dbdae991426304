/* entente-json-reader.c
 *
 * Story and arrangement files are strict RFC 8259 JSON, read here into
 * json-glib's nodes (the same tree json-glib's parser builds: node and value
 * types, member order, parents). It is the one parser for both: json-glib
 * 1.6's own accepts comments, single quotes and hexadecimal numbers, has no
 * depth limit and reads strings a character at a time.
 *
 * Whatever is not strict JSON is an error at its line and column: comments,
 * single-quoted strings, 0x10, 0001, .5, 1., trailing commas, anything after
 * the document, NUL characters and lone surrogates, nesting deeper than
 * ENTENTE_JSON_MAX_DEPTH. Integers too long for 64 bits are read as doubles,
 * so that a range check sees their real size.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "entente-json-reader.h"
#include "entente-json-scan.h"

G_DEFINE_QUARK (entente-json-error-quark, entente_json_error)

typedef struct
{
  const char *document;
  const char *p;
  const char *end;
  GString    *scratch;
  guint       depth;
  GError     *error;
} Reader;

static JsonNode *read_value (Reader   *r,
                             JsonNode *parent);

G_GNUC_PRINTF (4, 5)
static void
fail_at (Reader     *r,
         const char *at,
         int         code,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  guint line, column;
  va_list args;

  if (r->error != NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  entente_json_position (r->document, at - r->document, &line, &column);
  r->error = g_error_new (ENTENTE_JSON_ERROR, code, "%u:%u: %s", line, column, message);
}

/* A few characters of what stands at @at, for a message: up to the next
 * blank or delimiter, control characters escaped. */
static char *
describe_token (Reader     *r,
                const char *at)
{
  g_autoptr(GString) token = g_string_new (NULL);
  const char *p = at;

  if (p >= r->end)
    return g_strdup (_("the end of the file"));
  if (*p == ' ')
    return g_strdup (_("a space"));
  if (*p == '\t')
    return g_strdup (_("a tab"));
  if (*p == '\n' || *p == '\r')
    return g_strdup (_("a line break"));

  do
    {
      gunichar c = g_utf8_get_char_validated (p, r->end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      if (c < 0x20 || c == 0x7F)
        g_string_append_printf (token, "\\u%04X", c);
      else
        g_string_append_unichar (token, c);
      p = g_utf8_next_char (p);
    }
  while (p < r->end && token->len < 24 &&
         (*at == '"' ? token->len == 1 || token->str[token->len - 1] != '"' : !strchr (" \t\r\n,:[]{}\"", *p)));

  return g_strdup_printf ("“%s”", token->str);
}

static void
fail_unexpected (Reader     *r,
                 const char *expected)
{
  g_autofree char *found = describe_token (r, r->p);

  fail_at (r, r->p, ENTENTE_JSON_ERROR_SYNTAX, _("expected %s, found %s"), expected, found);
}

static void
skip_blanks (Reader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\r' || *r->p == '\t'))
    r->p++;
}

static gboolean
next_is (Reader *r,
         char    c)
{
  return r->p < r->end && *r->p == c;
}

static gboolean
at_delimiter (Reader *r)
{
  return r->p >= r->end || strchr (" \t\r\n,]}", *r->p) != NULL;
}

static gboolean
read_hex4 (Reader   *r,
           gunichar *out)
{
  *out = 0;
  for (int i = 0; i < 4; i++)
    {
      int digit = r->p < r->end ? g_ascii_xdigit_value (*r->p) : -1;

      if (digit < 0)
        return FALSE;
      r->p++;
      *out = (*out << 4) | (gunichar) digit;
    }
  return TRUE;
}

/* After "\u": one character, or a surrogate pair, appended to r->scratch. */
static gboolean
read_escaped_unichar (Reader *r)
{
  const char *escape = r->p - 2;
  gunichar c, low;

  if (!read_hex4 (r, &c))
    {
      fail_at (r, escape, ENTENTE_JSON_ERROR_SYNTAX, _("“\\u” must be followed by four hexadecimal digits"));
      return FALSE;
    }
  if (c == 0)
    {
      fail_at (r, escape, ENTENTE_JSON_ERROR_SYNTAX, _("the NUL character (\\u0000) is not allowed in a text"));
      return FALSE;
    }
  if (c >= 0xD800 && c < 0xDC00)
    {
      const char *second = r->p;

      if (r->end - r->p >= 6 && r->p[0] == '\\' && r->p[1] == 'u')
        {
          r->p += 2;
          if (read_hex4 (r, &low) && low >= 0xDC00 && low < 0xE000)
            {
              g_string_append_unichar (r->scratch, 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00));
              return TRUE;
            }
        }
      r->p = second;
    }
  if (c >= 0xD800 && c < 0xE000)
    {
      fail_at (r, escape, ENTENTE_JSON_ERROR_SYNTAX,
               _("“\\u%04X” is half of a surrogate pair without its other half, not a character"), c);
      return FALSE;
    }
  g_string_append_unichar (r->scratch, c);
  return TRUE;
}

/* The string at the cursor, unescaped into r->scratch. */
static gboolean
read_string (Reader *r)
{
  const char *opening = r->p;
  const char *run = ++r->p;
  gboolean ascii = TRUE;

  g_string_truncate (r->scratch, 0);
  for (;;)
    {
      const char *escape;
      guchar c;

      if (r->p >= r->end)
        {
          fail_at (r, opening, ENTENTE_JSON_ERROR_SYNTAX, _("this string is never closed"));
          return FALSE;
        }
      c = (guchar) *r->p;
      if (c == '"')
        {
          g_string_append_len (r->scratch, run, r->p - run);
          if (!ascii && !g_utf8_validate_len (r->scratch->str, r->scratch->len, NULL))
            {
              fail_at (r, opening, ENTENTE_JSON_ERROR_SYNTAX, _("this string is not valid UTF-8"));
              return FALSE;
            }
          r->p++;
          return TRUE;
        }
      if (c < 0x20)
        {
          fail_at (r, r->p, ENTENTE_JSON_ERROR_SYNTAX,
                   _("the control character U+%04X must be written as an escape in a string"), c);
          return FALSE;
        }
      if (c >= 0x80)
        ascii = FALSE;
      if (c != '\\')
        {
          r->p++;
          continue;
        }

      g_string_append_len (r->scratch, run, r->p - run);
      escape = r->p++;
      if (r->p >= r->end)
        {
          fail_at (r, opening, ENTENTE_JSON_ERROR_SYNTAX, _("this string is never closed"));
          return FALSE;
        }
      switch (*r->p++)
        {
        case '"': g_string_append_c (r->scratch, '"'); break;
        case '\\': g_string_append_c (r->scratch, '\\'); break;
        case '/': g_string_append_c (r->scratch, '/'); break;
        case 'b': g_string_append_c (r->scratch, '\b'); break;
        case 'f': g_string_append_c (r->scratch, '\f'); break;
        case 'n': g_string_append_c (r->scratch, '\n'); break;
        case 'r': g_string_append_c (r->scratch, '\r'); break;
        case 't': g_string_append_c (r->scratch, '\t'); break;
        case 'u':
          if (!read_escaped_unichar (r))
            return FALSE;
          break;
        default:
          {
            g_autofree char *found = describe_token (r, escape);

            fail_at (r, escape, ENTENTE_JSON_ERROR_SYNTAX, _("%s is not an escape sequence of JSON"), found);
            return FALSE;
          }
        }
      run = r->p;
    }
}

static gboolean
skip_digits (Reader *r)
{
  const char *start = r->p;

  while (r->p < r->end && g_ascii_isdigit (*r->p))
    r->p++;
  return r->p > start;
}

static JsonNode *
read_number (Reader *r)
{
  const char *start = r->p;
  gboolean is_float = FALSE;
  g_autofree char *text = NULL;
  gsize digits;

  if (next_is (r, '-'))
    r->p++;
  if (next_is (r, '0'))
    {
      r->p++;
      if (r->p < r->end && g_ascii_isdigit (*r->p))
        {
          fail_at (r, start, ENTENTE_JSON_ERROR_SYNTAX, _("a number may not begin with 0 followed by more digits"));
          return NULL;
        }
    }
  else if (!skip_digits (r))
    {
      if (next_is (r, '.'))
        fail_at (r, start, ENTENTE_JSON_ERROR_SYNTAX, _("a number needs a digit before its decimal point"));
      else
        fail_unexpected (r, _("a digit"));
      return NULL;
    }
  if (next_is (r, '.'))
    {
      r->p++;
      is_float = TRUE;
      if (!skip_digits (r))
        {
          fail_at (r, start, ENTENTE_JSON_ERROR_SYNTAX, _("a number needs a digit after its decimal point"));
          return NULL;
        }
    }
  if (next_is (r, 'e') || next_is (r, 'E'))
    {
      r->p++;
      is_float = TRUE;
      if (next_is (r, '+') || next_is (r, '-'))
        r->p++;
      if (!skip_digits (r))
        {
          fail_at (r, start, ENTENTE_JSON_ERROR_SYNTAX, _("a number needs digits in its exponent"));
          return NULL;
        }
    }
  if (!at_delimiter (r))
    {
      g_autofree char *found = describe_token (r, start);

      fail_at (r, start, ENTENTE_JSON_ERROR_SYNTAX, _("%s is not a JSON number"), found);
      return NULL;
    }

  text = g_strndup (start, r->p - start);
  digits = r->p - start - (*start == '-');
  if (is_float || digits > 18)
    return json_node_init_double (json_node_alloc (), g_ascii_strtod (text, NULL));
  return json_node_init_int (json_node_alloc (), g_ascii_strtoll (text, NULL, 10));
}

static JsonNode *
read_word (Reader *r)
{
  static const struct { const char *word; int kind; } words[] = {
    { "true", 1 }, { "false", 0 }, { "null", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      const char *start = r->p;
      gsize len = strlen (words[i].word);

      if ((gsize) (r->end - r->p) < len || memcmp (r->p, words[i].word, len) != 0)
        continue;
      r->p += len;
      if (!at_delimiter (r))
        {
          r->p = start;
          break;
        }
      if (words[i].kind < 0)
        return json_node_init_null (json_node_alloc ());
      return json_node_init_boolean (json_node_alloc (), words[i].kind);
    }

  if (next_is (r, '/'))
    fail_at (r, r->p, ENTENTE_JSON_ERROR_SYNTAX, _("comments are not allowed in strict JSON"));
  else if (next_is (r, '\''))
    fail_at (r, r->p, ENTENTE_JSON_ERROR_SYNTAX, _("strings take double quotes (\"), not single ones"));
  else if (next_is (r, '.'))
    fail_at (r, r->p, ENTENTE_JSON_ERROR_SYNTAX, _("a number needs a digit before its decimal point"));
  else
    fail_unexpected (r, _("a value"));
  return NULL;
}

/* Past blanks and @c, if @c comes next. */
static gboolean
accept (Reader *r,
        char    c)
{
  skip_blanks (r);
  if (!next_is (r, c))
    return FALSE;
  r->p++;
  return TRUE;
}

static gboolean
expect (Reader     *r,
        char        c,
        const char *expected)
{
  if (accept (r, c))
    return TRUE;
  if (next_is (r, '/'))
    fail_at (r, r->p, ENTENTE_JSON_ERROR_SYNTAX, _("comments are not allowed in strict JSON"));
  else
    fail_unexpected (r, expected);
  return FALSE;
}

static JsonNode *
read_array (Reader *r)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), array);
  const char *comma;

  r->p++;
  if (accept (r, ']'))
    return g_steal_pointer (&node);

  for (;;)
    {
      JsonNode *element = read_value (r, node);

      if (element == NULL)
        return NULL;
      json_array_add_element (array, element);
      if (accept (r, ']'))
        return g_steal_pointer (&node);
      if (!expect (r, ',', _("“,” or “]”")))
        return NULL;
      comma = r->p - 1;
      if (accept (r, ']'))
        {
          fail_at (r, comma, ENTENTE_JSON_ERROR_SYNTAX, _("a comma before “]”: JSON allows no trailing comma"));
          return NULL;
        }
    }
}

static JsonNode *
read_object (Reader *r)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
  const char *comma = NULL;

  r->p++;
  if (accept (r, '}'))
    return g_steal_pointer (&node);

  for (;;)
    {
      g_autofree char *name = NULL;
      JsonNode *member;

      skip_blanks (r);
      if (comma != NULL && next_is (r, '}'))
        {
          fail_at (r, comma, ENTENTE_JSON_ERROR_SYNTAX, _("a comma before “}”: JSON allows no trailing comma"));
          return NULL;
        }
      if (!next_is (r, '"'))
        {
          if (next_is (r, '/'))
            fail_at (r, r->p, ENTENTE_JSON_ERROR_SYNTAX, _("comments are not allowed in strict JSON"));
          else
            fail_unexpected (r, _("a member name in double quotes"));
          return NULL;
        }
      if (!read_string (r))
        return NULL;
      name = g_strndup (r->scratch->str, r->scratch->len);
      if (!expect (r, ':', _("“:” after the member name")))
        return NULL;
      member = read_value (r, node);
      if (member == NULL)
        return NULL;
      json_object_set_member (object, name, member);
      if (accept (r, '}'))
        return g_steal_pointer (&node);
      if (!expect (r, ',', _("“,” or “}”")))
        return NULL;
      comma = r->p - 1;
    }
}

static JsonNode *
read_value (Reader   *r,
            JsonNode *parent)
{
  JsonNode *node = NULL;

  skip_blanks (r);
  if (r->p >= r->end)
    {
      fail_unexpected (r, _("a value"));
      return NULL;
    }

  switch (*r->p)
    {
    case '{':
    case '[':
      if (r->depth >= ENTENTE_JSON_MAX_DEPTH)
        {
          fail_at (r, r->p, ENTENTE_JSON_ERROR_DEPTH, _("nested more than %d levels deep"), ENTENTE_JSON_MAX_DEPTH);
          return NULL;
        }
      r->depth++;
      node = *r->p == '{' ? read_object (r) : read_array (r);
      r->depth--;
      break;

    case '"':
      if (read_string (r))
        node = json_node_init_string (json_node_alloc (), r->scratch->str);
      break;

    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      node = read_number (r);
      break;

    default:
      node = read_word (r);
      break;
    }

  if (node != NULL)
    json_node_set_parent (node, parent);
  return node;
}

/* The value bytes @start to @end of @document hold, found @depth containers
 * deep; errors are placed by line and column in @document. */
JsonNode *
entente_json_read_range (const char  *document,
                         gsize        start,
                         gsize        end,
                         guint        depth,
                         GError     **error)
{
  g_autoptr(GString) scratch = g_string_sized_new (256);
  g_autoptr(JsonNode) root = NULL;
  Reader r = { document, document + start, document + end, scratch, depth, NULL };

  g_return_val_if_fail (start <= end, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = read_value (&r, NULL);
  if (root != NULL)
    {
      skip_blanks (&r);
      if (r.p != r.end)
        {
          if (next_is (&r, '/'))
            fail_at (&r, r.p, ENTENTE_JSON_ERROR_SYNTAX, _("comments are not allowed in strict JSON"));
          else
            fail_at (&r, r.p, ENTENTE_JSON_ERROR_SYNTAX, _("more text after the end of the JSON value"));
        }
    }

  if (r.error != NULL)
    {
      g_propagate_error (error, r.error);
      return NULL;
    }
  return g_steal_pointer (&root);
}

JsonNode *
entente_json_read (const char  *data,
                   gsize        len,
                   GError     **error)
{
  return entente_json_read_range (data, 0, len, 0, error);
}
