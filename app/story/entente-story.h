/* entente-story.h — the story model: immutable after load, no GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "entente-date.h"
#include "entente-text.h"

G_BEGIN_DECLS

typedef enum
{
  ENTENTE_ENTITY_PERSON,
  ENTENTE_ENTITY_COMPANY,
  ENTENTE_ENTITY_PRODUCT,
  ENTENTE_ENTITY_ORGANIZATION,
  ENTENTE_N_ENTITY_KINDS,
} EntenteEntityKind;

typedef enum
{
  ENTENTE_STATUS_CONFIRMED,
  ENTENTE_STATUS_REPORTED,
} EntenteStatus;

/* Lists of indices into the story's arrays; references are resolved at load. */
typedef struct
{
  guint  n;
  guint *items;
} EntenteIndexList;

typedef struct
{
  char        *id;
  EntenteText  title;
  char        *publisher;
  char        *url;
  EntenteDate  date;
} EntenteSource;

typedef struct
{
  char              *id;
  EntenteEntityKind  kind;
  EntenteText        name;
  EntenteText        role;
  EntenteText        description;
  EntenteDate        start;
  EntenteDate        end;
  EntenteIndexList   sources;
  /* Derived at load: the first day the story speaks of an entity that has
   * no start date of its own (0: from the beginning). */
  guint32            appears_day;
} EntenteEntity;

typedef struct
{
  char             *id;
  guint             from;
  guint             to;
  char             *kind;
  EntenteText       label;
  EntenteDate       start;
  EntenteDate       end;
  EntenteStatus     status;
  gboolean          has_amount;
  double            amount_value;
  char             *amount_currency;
  EntenteIndexList  sources;
} EntenteRelation;

typedef struct
{
  char             *id;
  guint             speaker;
  EntenteIndexList  about;
  EntenteDate       date;
  EntenteText       text;
  char             *original_language;
  EntenteText       context;
  guint             source;
} EntenteQuote;

typedef struct
{
  char             *id;
  EntenteDate       date;
  EntenteText       title;
  EntenteText       description;
  EntenteIndexList  entities;
  EntenteStatus     status;
  EntenteIndexList  sources;
} EntenteEvent;

#define ENTENTE_TYPE_STORY (entente_story_get_type ())

G_DECLARE_FINAL_TYPE (EntenteStory, entente_story, ENTENTE, STORY, GObject)

const char            *entente_story_get_id            (EntenteStory *self);
const EntenteText     *entente_story_get_title         (EntenteStory *self);
const EntenteText     *entente_story_get_summary       (EntenteStory *self);
const char            *entente_story_get_language      (EntenteStory *self);
const char            *entente_story_get_filename      (EntenteStory *self);

guint                  entente_story_get_n_sources     (EntenteStory *self);
const EntenteSource   *entente_story_get_source        (EntenteStory *self,
                                                        guint         index);
guint                  entente_story_get_n_entities    (EntenteStory *self);
const EntenteEntity   *entente_story_get_entity        (EntenteStory *self,
                                                        guint         index);
guint                  entente_story_get_n_relations   (EntenteStory *self);
const EntenteRelation *entente_story_get_relation      (EntenteStory *self,
                                                        guint         index);
guint                  entente_story_get_n_quotes      (EntenteStory *self);
const EntenteQuote    *entente_story_get_quote         (EntenteStory *self,
                                                        guint         index);
guint                  entente_story_get_n_events      (EntenteStory *self);
const EntenteEvent    *entente_story_get_event         (EntenteStory *self,
                                                        guint         index);

int                    entente_story_find_entity       (EntenteStory *self,
                                                        const char   *id);
gboolean               entente_story_get_date_range    (EntenteStory *self,
                                                        guint32      *first_day,
                                                        guint32      *last_day);

const char            *entente_entity_kind_to_string   (EntenteEntityKind kind);
const char            *entente_entity_kind_get_label   (EntenteEntityKind kind);
const char            *entente_status_to_string        (EntenteStatus     status);

G_END_DECLS
