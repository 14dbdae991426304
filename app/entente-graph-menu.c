/* entente-graph-menu.c
 *
 * The menu of a right-click (or Shift+F10, Menu key, long press) on the
 * graph: unpin the entity under it, unpin everything, lay out afresh. Made
 * per opening, from the pins as they are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "entente-graph-menu.h"

GMenuModel *
entente_graph_menu_new (EntenteStory        *story,
                        const EntenteLayout *layout,
                        int                  entity)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) layout_section = g_menu_new ();

  g_return_val_if_fail (ENTENTE_IS_STORY (story), G_MENU_MODEL (menu));
  g_return_val_if_fail (layout != NULL, G_MENU_MODEL (menu));

  if (entity >= 0 && (guint) entity < layout->n_nodes && layout->pinned[entity])
    {
      const EntenteEntity *e = entente_story_get_entity (story, entity);
      /* Translators: in the graph's context menu; %s is a name such as
       * "Sam Altman", whose node the reader had dragged into place. */
      g_autofree char *label = g_strdup_printf (_("Unpin “%s”"), entente_text_get (&e->name));
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "graph.unpin", "s", e->id);
      g_menu_append_item (menu, item);
    }

  g_menu_append (layout_section, _("Unpin _All"), "graph.unpin-all");
  g_menu_append (layout_section, _("_Re-arrange the Graph"), "win.rearrange");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (layout_section));

  return G_MENU_MODEL (menu);
}
