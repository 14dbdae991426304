/* entente-story-private.h — what the loader fills in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "entente-story.h"

G_BEGIN_DECLS

struct _EntenteStory
{
  GObject          parent_instance;

  char            *filename;
  char            *id;
  char            *language;
  EntenteText      title;
  EntenteText      summary;

  GArray          *sources;   /* EntenteSource */
  GArray          *entities;  /* EntenteEntity */
  GArray          *relations; /* EntenteRelation */
  GArray          *quotes;    /* EntenteQuote */
  GArray          *events;    /* EntenteEvent, in date order */

  GHashTable      *entity_by_id; /* id → index + 1 */
};

G_END_DECLS
