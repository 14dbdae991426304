/* story-test-helpers.h — shared by the unit tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "story/entente-story.h"

G_BEGIN_DECLS

EntenteStory *test_load_bundled (void);
char         *test_grid_json    (guint       side);
EntenteStory *test_load_grid    (guint       side);
guint32       test_day_of       (const char *iso);
double        test_grid_stress  (guint         side,
                                 const double *x,
                                 const double *y);

G_END_DECLS
