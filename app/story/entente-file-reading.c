/* entente-file-reading.c
 *
 * Reading a file the user named, or one left in our data folder, must end:
 * a FIFO would block forever and /dev/zero never runs out. Only regular
 * files are read, and never more than the caller's limit plus one byte, so
 * that a caller can tell a file over its limit from one at the limit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gunixinputstream.h>

#include "entente-file-reading.h"

static GBytes *
read_at_most (GInputStream  *stream,
              gsize          limit,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  gsize want = limit + 1;

  while (data->len < want)
    {
      gsize chunk = MIN (want - data->len, 1024 * 1024);
      guint before = data->len;
      gssize n;

      g_byte_array_set_size (data, before + chunk);
      n = g_input_stream_read (stream, data->data + before, chunk, cancellable, error);
      if (n < 0)
        return NULL;
      g_byte_array_set_size (data, before + n);
      if (n == 0)
        break;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static void
set_not_regular (GError     **error,
                 GFileType    type)
{
  g_set_error_literal (error, G_IO_ERROR,
                       type == G_FILE_TYPE_DIRECTORY ? G_IO_ERROR_IS_DIRECTORY : G_IO_ERROR_NOT_REGULAR_FILE,
                       type == G_FILE_TYPE_DIRECTORY ? _("is a folder, not a file")
                                                     : _("is not a regular file (a pipe, a device or a socket)"));
}

/* Opened without blocking (a FIFO with no writer would block open() itself),
 * then checked on the descriptor, so nothing can be swapped in between. */
static GBytes *
load_local (const char    *path,
            gsize          limit,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GInputStream) stream = NULL;
  struct stat st;
  int fd;
  int flags;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
      return NULL;
    }

  stream = g_unix_input_stream_new (fd, TRUE);
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      set_not_regular (error, S_ISDIR (st.st_mode) ? G_FILE_TYPE_DIRECTORY : G_FILE_TYPE_SPECIAL);
      return NULL;
    }
  flags = fcntl (fd, F_GETFL);
  if (flags >= 0)
    fcntl (fd, F_SETFL, flags & ~O_NONBLOCK);

  return read_at_most (stream, limit, cancellable, error);
}

/* The contents of @file, if it is a regular file: at most @limit + 1 bytes. */
GBytes *
entente_file_load_bounded (GFile         *file,
                           gsize          limit,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_file_get_path (file);
  if (path != NULL)
    return load_local (path, limit, cancellable, error);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      set_not_regular (error, g_file_info_get_file_type (info));
      return NULL;
    }
  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;
  return read_at_most (G_INPUT_STREAM (stream), limit, cancellable, error);
}

/* Whether two paths name one existing file, however spelt: ./, .., a
 * symbolic or a hard link. */
gboolean
entente_same_file (const char *a,
                   const char *b)
{
  GStatBuf sa, sb;

  return a != NULL && b != NULL &&
         g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}
