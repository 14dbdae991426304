/* entente-story-loader.h — reads story files, with errors that say where
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "entente-story.h"

G_BEGIN_DECLS

#define ENTENTE_STORY_ERROR (entente_story_error_quark ())

typedef enum
{
  ENTENTE_STORY_ERROR_READ,    /* the file could not be read */
  ENTENTE_STORY_ERROR_SYNTAX,  /* not JSON, not UTF-8, or past a limit */
  ENTENTE_STORY_ERROR_INVALID, /* JSON, but not a valid story */
} EntenteStoryError;

#define ENTENTE_STORY_MAX_FILE_SIZE   (256 * 1024 * 1024)
#define ENTENTE_STORY_MAX_DEPTH       64
#define ENTENTE_STORY_MAX_PROBLEMS    50
#define ENTENTE_STORY_MAX_STRING      (1024 * 1024)
#define ENTENTE_STORY_MAX_ITEMS       1000000

#define ENTENTE_BUNDLED_STORY_RESOURCE "/io/github/entente/Entente/stories/microsoft-openai.entente.json"

GQuark        entente_story_error_quark      (void);

EntenteStory *entente_story_load_from_bytes  (GBytes        *bytes,
                                              const char    *display_name,
                                              GError       **error);
EntenteStory *entente_story_load_from_file   (GFile         *file,
                                              GCancellable  *cancellable,
                                              GError       **error);
EntenteStory *entente_story_load_bundled     (GError       **error);

G_END_DECLS
