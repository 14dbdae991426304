/* test-arrangement.c — the reader's arrangement round-trips, is refused when
 * damaged or foreign, and a failed save leaves the previous file whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "entente-arrangement.h"

static char *data_home;

static EntenteArrangement *
sample (void)
{
  EntenteArrangement *arrangement = entente_arrangement_new ("microsoft-openai");

  entente_arrangement_add_pin (arrangement, "openai", 12.5, -40.25);
  entente_arrangement_add_pin (arrangement, "sam-altman", -300, 77);
  arrangement->has_view = TRUE;
  arrangement->center_x = 10;
  arrangement->center_y = -20;
  arrangement->zoom = 1.75;
  arrangement->has_day = TRUE;
  arrangement->day = 737000;
  return arrangement;
}

static void
test_round_trip (void)
{
  g_autoptr(EntenteArrangement) before = sample ();
  g_autoptr(GBytes) bytes = entente_arrangement_to_bytes (before);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntenteArrangement) after = entente_arrangement_from_bytes (bytes, "microsoft-openai", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (after->pins->len, ==, 2);
  g_assert_cmpstr (g_array_index (after->pins, EntentePin, 1).entity_id, ==, "sam-altman");
  g_assert_cmpfloat (g_array_index (after->pins, EntentePin, 0).y, ==, -40.25);
  g_assert_true (after->has_view);
  g_assert_cmpfloat (after->zoom, ==, 1.75);
  g_assert_true (after->has_day);
  g_assert_cmpuint (after->day, ==, 737000);
}

static void
assert_refused (const char *text,
                int         code,
                const char *expected)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(EntenteArrangement) arrangement = entente_arrangement_from_bytes (bytes, "microsoft-openai", &error);

  g_assert_null (arrangement);
  g_assert_error (error, ENTENTE_ARRANGEMENT_ERROR, code);
  if (strstr (error->message, expected) == NULL)
    g_error ("expected “%s” in “%s”", expected, error->message);
}

static void
test_damaged_or_foreign (void)
{
  assert_refused ("", ENTENTE_ARRANGEMENT_ERROR_INVALID, "damaged");
  assert_refused ("{\"entente-arrangement\": 1, \"story\": \"microsoft-openai\", \"pins\": [",
                  ENTENTE_ARRANGEMENT_ERROR_INVALID, "damaged");
  assert_refused ("[]", ENTENTE_ARRANGEMENT_ERROR_INVALID, "not a JSON object");
  assert_refused ("{\"entente-arrangement\": 9, \"story\": \"microsoft-openai\"}",
                  ENTENTE_ARRANGEMENT_ERROR_INVALID, "unknown format version");
  assert_refused ("{\"entente-arrangement\": 1, \"story\": \"microsoft-openai\", \"pins\": [{\"id\": \"a\", \"x\": \"1\", \"y\": 2}]}",
                  ENTENTE_ARRANGEMENT_ERROR_INVALID, "a pin has no id or no position");
  assert_refused ("{\"entente-arrangement\": 1, \"story\": \"microsoft-openai\", \"view\": {\"x\": 0, \"y\": 0, \"zoom\": -1}}",
                  ENTENTE_ARRANGEMENT_ERROR_INVALID, "zoom");
  assert_refused ("{\"entente-arrangement\": 1, \"story\": \"microsoft-openai\", \"pins\": [{\"id\": \"a\", \"x\": 1e300, \"y\": 0}]}",
                  ENTENTE_ARRANGEMENT_ERROR_INVALID, "position");
  assert_refused ("{\"entente-arrangement\": 1, \"story\": \"microsoft-openai\", \"date\": \"2023-02-30\"}",
                  ENTENTE_ARRANGEMENT_ERROR_INVALID, "the date is not a date");
  assert_refused ("{\"entente-arrangement\": 1, \"story\": \"another-story\"}",
                  ENTENTE_ARRANGEMENT_ERROR_FOREIGN, "another story (“another-story”)");
}

static void
test_file_names (void)
{
  g_autoptr(GFile) plain = entente_arrangement_get_file ("microsoft-openai");
  g_autoptr(GFile) sneaky = entente_arrangement_get_file ("../../etc/passwd");
  g_autoptr(GFile) dots = entente_arrangement_get_file ("..");
  g_autofree char *plain_name = g_file_get_basename (plain);
  g_autofree char *sneaky_path = g_file_get_path (sneaky);
  g_autofree char *dots_name = g_file_get_basename (dots);
  g_autofree char *expected_dir = g_build_filename (data_home, "entente", "arrangements", NULL);

  g_assert_cmpstr (plain_name, ==, "microsoft-openai.json");
  /* An id never escapes the arrangements folder. */
  g_assert_true (g_str_has_prefix (sneaky_path, expected_dir));
  g_assert_null (strchr (sneaky_path + strlen (expected_dir) + 1, '/'));
  g_assert_cmpstr (dots_name, !=, "...json");
}

static void
test_save_and_load (void)
{
  g_autoptr(EntenteArrangement) before = sample ();
  g_autoptr(EntenteArrangement) after = NULL;
  g_autoptr(EntenteArrangement) none = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (entente_arrangement_save (before, &error));
  g_assert_no_error (error);
  after = entente_arrangement_load ("microsoft-openai", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->pins->len, ==, 2);

  /* Nothing saved yet: no arrangement, and no error either. */
  none = entente_arrangement_load ("never-saved", &error);
  g_assert_null (none);
  g_assert_no_error (error);
}

static char *
saved_contents (void)
{
  g_autoptr(GFile) file = entente_arrangement_get_file ("microsoft-openai");
  g_autofree char *path = g_file_get_path (file);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* A full disk, simulated with a file size limit: writes fail with EFBIG. */
static void
test_full_disk_keeps_previous (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(EntenteArrangement) small = entente_arrangement_new ("microsoft-openai");
      g_autoptr(EntenteArrangement) big = sample ();
      g_autoptr(GError) error = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      struct rlimit limit;

      g_assert_true (entente_arrangement_save (small, &error));
      before = saved_contents ();

      for (guint i = 0; i < 200; i++)
        entente_arrangement_add_pin (big, "node-with-a-long-name", i, i);
      signal (SIGXFSZ, SIG_IGN);
      limit.rlim_cur = limit.rlim_max = strlen (before) + 16;
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_false (entente_arrangement_save (big, &error));
      g_assert_nonnull (error);
      g_printerr ("save failed as expected: %s\n", error->message);

      after = saved_contents ();
      g_assert_cmpstr (after, ==, before);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*save failed as expected*");
}

/* The folder cannot be made (a file stands in its way): an error, and the
 * caller is told. Works as root too, unlike a read-only folder. */
static void
test_blocked_folder (void)
{
  g_autoptr(EntenteArrangement) arrangement = sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (data_home, "entente", "arrangements", NULL);
  g_autofree char *saved = g_build_filename (folder, "microsoft-openai.json", NULL);
  g_autofree char *aside = g_strconcat (folder, ".aside", NULL);

  if (g_file_test (saved, G_FILE_TEST_EXISTS))
    g_unlink (saved);
  g_rename (folder, aside);
  g_assert_true (g_file_set_contents (folder, "not a folder", -1, NULL));

  g_assert_false (entente_arrangement_save (arrangement, &error));
  g_assert_nonnull (error);

  g_unlink (folder);
  g_rename (aside, folder);
}

static char *
arrangement_path (void)
{
  g_autoptr(GFile) file = entente_arrangement_get_file ("microsoft-openai");

  return g_file_get_path (file);
}

/* Whatever is wrong with the file, it is refused with its reason, kept
 * beside as .bak (never overwritten by the next save) and out of the way. */
static void
assert_set_aside (const char *expected)
{
  g_autofree char *path = arrangement_path ();
  g_autofree char *backup = g_strconcat (path, ".bak", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntenteArrangement) arrangement = entente_arrangement_load ("microsoft-openai", &error);

  g_assert_null (arrangement);
  g_assert_error (error, ENTENTE_ARRANGEMENT_ERROR, ENTENTE_ARRANGEMENT_ERROR_INVALID);
  if (strstr (error->message, expected) == NULL || strstr (error->message, ".bak") == NULL)
    g_error ("expected “%s” and the .bak in “%s”", expected, error->message);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_unlink (backup);
}

static void
test_hostile_files (void)
{
  g_autoptr(EntenteArrangement) arrangement = sample ();
  g_autoptr(GString) deep = g_string_new ("{\"entente-arrangement\": 1, \"story\": \"microsoft-openai\", \"x\": ");
  g_autofree char *path = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  g_assert_true (entente_arrangement_save (arrangement, &error));
  path = arrangement_path ();
  backup = g_strconcat (path, ".bak", NULL);

  /* 100,000 levels once overflowed the stack every time the story opened. */
  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "[{\"a\": ");
  g_assert_true (g_file_set_contents (path, deep->str, deep->len, NULL));
  assert_set_aside ("nested more than 64 levels deep");

  /* Comments are not JSON either. */
  g_assert_true (g_file_set_contents (path, "{/* \" */ \"entente-arrangement\": 1}", -1, NULL));
  assert_set_aside ("comments are not allowed");

  /* A FIFO with no writer once kept the window from ever appearing. */
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  assert_set_aside ("not a regular file");

  /* A gigabyte (sparse: it costs no disk) is refused after 16 MiB and a
   * byte, not read whole. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 1 << 30), ==, 0);
  close (fd);
  assert_set_aside ("sensible size");

  /* The .bak is what the user had, and the next save leaves it alone. */
  g_assert_true (g_file_set_contents (path, "{\"entente-arrangement\": 1, \"story\": \"microsoft-openai\", []", -1, NULL));
  g_clear_error (&error);
  g_assert_null (entente_arrangement_load ("microsoft-openai", &error));
  g_clear_error (&error);
  g_assert_true (entente_arrangement_save (arrangement, &error));
  g_assert_true (g_file_get_contents (backup, &kept, NULL, NULL));
  g_assert_true (g_str_has_suffix (kept, "[]"));
  g_unlink (backup);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  data_home = g_dir_make_tmp ("entente-arrangement-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/arrangement/round-trip", test_round_trip);
  g_test_add_func ("/arrangement/damaged-or-foreign", test_damaged_or_foreign);
  g_test_add_func ("/arrangement/file-names", test_file_names);
  g_test_add_func ("/arrangement/save-and-load", test_save_and_load);
  g_test_add_func ("/arrangement/full-disk-keeps-previous", test_full_disk_keeps_previous);
  g_test_add_func ("/arrangement/blocked-folder", test_blocked_folder);
  g_test_add_func ("/arrangement/hostile-files", test_hostile_files);

  status = g_test_run ();
  if (!g_test_subprocess ())
    {
      g_autofree char *command = g_strdup_printf ("rm -rf '%s'", data_home);
      (void) !system (command);
    }
  g_free (data_home);
  return status;
}
