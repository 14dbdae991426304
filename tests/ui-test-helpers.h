/* ui-test-helpers.h — shared by the tests that run the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "entente-window.h"

G_BEGIN_DECLS

void           ui_test_use_private_data_home (void);
void           ui_test_forget_arrangements   (void);
EntenteWindow *ui_test_open_window (void);
EntenteWindow *ui_test_reopen_window (void);
void           ui_test_wait_until  (gboolean (*condition) (gpointer),
                                    gpointer   data);
void           ui_test_settle      (void);
void           ui_test_assert_contains (const char *haystack,
                                        const char *needle);
GtkWidget     *ui_test_find_button (GtkWidget  *root,
                                    const char *action_name,
                                    const char *target);

G_END_DECLS
