/* entente-json-reader.c
 *
 * json-glib 1.6 reads strings a character at a time, each one through
 * g_string_insert_len(): some 200 instructions a byte, five sixths of the
 * time a story took to load. This reader builds the tree json-glib's
 * parser would (same node and value types, member order, parents) from
 * plain RFC 8259 JSON, copying runs of bytes at once.
 *
 * It gives up (NULL) on anything else: comments, single quotes, octal or
 * hexadecimal numbers, integers of more than 18 digits, escapes json-glib
 * reads its own way (lone surrogates, \u0000), control characters, empty
 * member names, any grammar error. The caller then hands the text to
 * json-glib, which accepts its extensions or says what is wrong and where,
 * exactly as before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "entente-json-reader.h"

typedef struct
{
  const char *p;
  const char *end;
  GString    *scratch;
  guint       depth;
} Reader;

static JsonNode *read_value (Reader   *r,
                             JsonNode *parent);

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

/* Where json-glib's scanner would end a number or a word. */
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
  if (r->end - r->p < 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (*r->p++);

      if (digit < 0)
        return FALSE;
      *out = (*out << 4) | (gunichar) digit;
    }
  return TRUE;
}

static gboolean
read_escaped_unichar (Reader *r)
{
  gunichar c, low;

  if (!read_hex4 (r, &c) || c == 0 || (c >= 0xDC00 && c < 0xE000))
    return FALSE;
  if (c >= 0xD800 && c < 0xDC00)
    {
      if (r->end - r->p < 2 || r->p[0] != '\\' || r->p[1] != 'u')
        return FALSE;
      r->p += 2;
      if (!read_hex4 (r, &low) || low < 0xDC00 || low >= 0xE000)
        return FALSE;
      c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
    }
  g_string_append_unichar (r->scratch, c);
  return TRUE;
}

/* The string at the cursor, unescaped into r->scratch. Only strings need
 * their UTF-8 checked: elsewhere anything but ASCII is a grammar error. */
static gboolean
read_string (Reader *r)
{
  const char *run = ++r->p;
  gboolean ascii = TRUE;

  g_string_truncate (r->scratch, 0);
  for (;;)
    {
      guchar c;

      if (r->p >= r->end)
        return FALSE;
      c = (guchar) *r->p;
      if (c == '"')
        {
          g_string_append_len (r->scratch, run, r->p - run);
          r->p++;
          return ascii || g_utf8_validate_len (r->scratch->str, r->scratch->len, NULL);
        }
      if (c < 0x20)
        return FALSE;
      if (c >= 0x80)
        ascii = FALSE;
      if (c != '\\')
        {
          r->p++;
          continue;
        }

      g_string_append_len (r->scratch, run, r->p - run);
      if (++r->p >= r->end)
        return FALSE;
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
          return FALSE;
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
  char text[64];
  gsize len;

  if (next_is (r, '-'))
    r->p++;
  if (next_is (r, '0'))
    r->p++;
  else if (!skip_digits (r))
    return NULL;
  if (next_is (r, '.'))
    {
      r->p++;
      is_float = TRUE;
      if (!skip_digits (r))
        return NULL;
    }
  if (next_is (r, 'e') || next_is (r, 'E'))
    {
      r->p++;
      is_float = TRUE;
      if (next_is (r, '+') || next_is (r, '-'))
        r->p++;
      if (!skip_digits (r))
        return NULL;
    }
  if (!at_delimiter (r))
    return NULL;

  len = r->p - start;
  if (len >= sizeof text || (!is_float && len - (*start == '-') > 18))
    return NULL;
  memcpy (text, start, len);
  text[len] = '\0';

  if (is_float)
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
      gsize len = strlen (words[i].word);

      if ((gsize) (r->end - r->p) < len || memcmp (r->p, words[i].word, len) != 0)
        continue;
      r->p += len;
      if (!at_delimiter (r))
        return NULL;
      if (words[i].kind < 0)
        return json_node_init_null (json_node_alloc ());
      return json_node_init_boolean (json_node_alloc (), words[i].kind);
    }
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

static JsonNode *
read_array (Reader *r)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), array);

  r->p++;
  if (accept (r, ']'))
    return g_steal_pointer (&node);

  do
    {
      JsonNode *element = read_value (r, node);

      if (element == NULL)
        return NULL;
      json_array_add_element (array, element);
    }
  while (accept (r, ','));

  return accept (r, ']') ? g_steal_pointer (&node) : NULL;
}

static JsonNode *
read_object (Reader *r)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  r->p++;
  if (accept (r, '}'))
    return g_steal_pointer (&node);

  do
    {
      g_autofree char *name = NULL;
      JsonNode *member;

      skip_blanks (r);
      if (!next_is (r, '"') || !read_string (r) || r->scratch->len == 0)
        return NULL;
      name = g_strndup (r->scratch->str, r->scratch->len);
      if (!accept (r, ':'))
        return NULL;
      member = read_value (r, node);
      if (member == NULL)
        return NULL;
      json_object_set_member (object, name, member);
    }
  while (accept (r, ','));

  return accept (r, '}') ? g_steal_pointer (&node) : NULL;
}

static JsonNode *
read_value (Reader   *r,
            JsonNode *parent)
{
  JsonNode *node = NULL;

  skip_blanks (r);
  if (r->p >= r->end)
    return NULL;

  switch (*r->p)
    {
    case '{':
    case '[':
      if (r->depth >= ENTENTE_JSON_READER_MAX_DEPTH)
        return NULL;
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

/* The value @data holds; NULL when it is not plain JSON (see above) or not
 * valid UTF-8. */
JsonNode *
entente_json_read (const char *data,
                   gsize       len)
{
  g_autoptr(GString) scratch = NULL;
  g_autoptr(JsonNode) root = NULL;
  Reader r;

  scratch = g_string_sized_new (256);
  r = (Reader) { data, data + len, scratch, 0 };
  root = read_value (&r, NULL);
  if (root == NULL)
    return NULL;
  skip_blanks (&r);
  if (r.p != r.end)
    return NULL;

  return g_steal_pointer (&root);
}
