/* json-compare.c
 *
 * json_node_equal() takes 1 and 1.0 for the same number and ignores member
 * order, parents and sealing; a tree read by another parser must match in
 * all of them to be a drop-in replacement.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "json-compare.h"

static char *
node_difference (JsonNode   *a,
                 JsonNode   *b,
                 JsonNode   *parent_a,
                 JsonNode   *parent_b,
                 const char *path)
{
  if (json_node_get_node_type (a) != json_node_get_node_type (b))
    return g_strdup_printf ("%s: node types %s and %s", path, json_node_type_name (a), json_node_type_name (b));
  if (json_node_is_immutable (a) != json_node_is_immutable (b))
    return g_strdup_printf ("%s: one is sealed, the other not", path);
  if (json_node_get_parent (a) != parent_a || json_node_get_parent (b) != parent_b)
    return g_strdup_printf ("%s: not the child of its container", path);

  switch (json_node_get_node_type (a))
    {
    case JSON_NODE_NULL:
      return NULL;

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (a) != json_node_get_value_type (b))
        return g_strdup_printf ("%s: value types %s and %s", path,
                                g_type_name (json_node_get_value_type (a)), g_type_name (json_node_get_value_type (b)));
      switch (json_node_get_value_type (a))
        {
        case G_TYPE_INT64:
          if (json_node_get_int (a) != json_node_get_int (b))
            return g_strdup_printf ("%s: %" G_GINT64_FORMAT " and %" G_GINT64_FORMAT, path,
                                    json_node_get_int (a), json_node_get_int (b));
          return NULL;
        case G_TYPE_DOUBLE:
          {
            double x = json_node_get_double (a), y = json_node_get_double (b);

            if (memcmp (&x, &y, sizeof x) != 0)
              return g_strdup_printf ("%s: %.17g and %.17g", path, x, y);
            return NULL;
          }
        case G_TYPE_BOOLEAN:
          if (json_node_get_boolean (a) != json_node_get_boolean (b))
            return g_strdup_printf ("%s: booleans differ", path);
          return NULL;
        case G_TYPE_STRING:
          if (g_strcmp0 (json_node_get_string (a), json_node_get_string (b)) != 0)
            return g_strdup_printf ("%s: \"%s\" and \"%s\"", path, json_node_get_string (a), json_node_get_string (b));
          return NULL;
        default:
          return g_strdup_printf ("%s: unexpected value type %s", path, g_type_name (json_node_get_value_type (a)));
        }

    case JSON_NODE_ARRAY:
      {
        JsonArray *x = json_node_get_array (a), *y = json_node_get_array (b);

        if (json_array_get_length (x) != json_array_get_length (y))
          return g_strdup_printf ("%s: %u and %u elements", path, json_array_get_length (x), json_array_get_length (y));
        for (guint i = 0; i < json_array_get_length (x); i++)
          {
            g_autofree char *where = g_strdup_printf ("%s[%u]", path, i);
            char *difference = node_difference (json_array_get_element (x, i), json_array_get_element (y, i), a, b, where);

            if (difference != NULL)
              return difference;
          }
        return NULL;
      }

    case JSON_NODE_OBJECT:
      {
        g_autoptr(GList) names_a = json_object_get_members (json_node_get_object (a));
        g_autoptr(GList) names_b = json_object_get_members (json_node_get_object (b));
        GList *x, *y;

        for (x = names_a, y = names_b; x != NULL && y != NULL; x = x->next, y = y->next)
          {
            g_autofree char *where = g_strdup_printf ("%s.%s", path, (char *) x->data);
            char *difference;

            if (strcmp (x->data, y->data) != 0)
              return g_strdup_printf ("%s: member \"%s\" where the other has \"%s\"", path, (char *) x->data, (char *) y->data);
            difference = node_difference (json_object_get_member (json_node_get_object (a), x->data),
                                          json_object_get_member (json_node_get_object (b), y->data), a, b, where);
            if (difference != NULL)
              return difference;
          }
        if (x != NULL || y != NULL)
          return g_strdup_printf ("%s: member counts differ", path);
        return NULL;
      }
    }
  return g_strdup_printf ("%s: unknown node type", path);
}

/* NULL when @a and @b are the same tree: node and value types, values
 * (doubles bit for bit), member order, parents and sealing; otherwise
 * where and how they first differ. */
char *
json_tree_difference (JsonNode *a,
                      JsonNode *b)
{
  return node_difference (a, b, NULL, NULL, "$");
}
