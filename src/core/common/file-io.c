/* file-io.c: reading files with a bound, writing them atomically
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "file-io.h"

/* Sets @error to what the system said about @path: "PATH: No such file or
 * directory". */
static gboolean
fail_errno (const char  *path,
            int          saved_errno,
            GError     **error)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "%s: %s", path,
               g_strerror (saved_errno));
  return FALSE;
}

static char *
format_size (guint64 size)
{
  return g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS | G_FORMAT_SIZE_LONG_FORMAT);
}

/* Reads until end of file or one byte past @max_length. */
static gboolean
read_all (int          fd,
          const char  *path,
          gsize        max_length,
          GString     *data,
          GError     **error)
{
  char buffer[65536];

  for (;;)
    {
      gssize n = read (fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return fail_errno (path, errno, error);
      if (n == 0)
        return TRUE;

      g_string_append_len (data, buffer, n);
      if (data->len > max_length)
        return TRUE;
    }
}

/**
 * sd_read_file_bounded:
 * @path: a file
 * @max_length: the most bytes the file may have
 * @contents: (out) (transfer full): its contents, NUL-terminated
 * @length: (out): their length
 * @error: return location for an error
 *
 * Reads a regular file of at most @max_length bytes, in bounded time and
 * memory whatever @path names: a FIFO, a device such as /dev/zero or a
 * folder is refused before it is read, and so is a file that is, or grows
 * while it is read, longer than @max_length. Messages name @path.
 *
 * Returns: %TRUE if @contents holds the file
 */
gboolean
sd_read_file_bounded (const char  *path,
                      gsize        max_length,
                      char       **contents,
                      gsize       *length,
                      GError     **error)
{
  g_autoptr(GString) data = NULL;
  g_autofree char *limit = NULL;
  struct stat info;
  gboolean ok;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL && length != NULL, FALSE);

  /* Non-blocking, so that opening a FIFO nobody writes to returns at once. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0);
  if (fd < 0)
    return fail_errno (path, errno, error);

  if (fstat (fd, &info) != 0)
    {
      int saved_errno = errno;

      close (fd);
      return fail_errno (path, saved_errno, error);
    }

  if (S_ISDIR (info.st_mode))
    {
      close (fd);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                   /* Translators: %s is the path given */
                   _("%s: is a folder, not a file"), path);
      return FALSE;
    }

  limit = format_size (max_length);
  if (!S_ISREG (info.st_mode))
    {
      close (fd);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   /* Translators: %s is the path given */
                   _("%s: not a regular file (a pipe, a device or a socket); only files "
                     "are read"), path);
      return FALSE;
    }

  if ((guint64) info.st_size > max_length)
    {
      g_autofree char *size = format_size (info.st_size);

      close (fd);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   /* Translators: the first %s is the path, the second the
                    * file's size and the third the largest size allowed, such
                    * as "20.0 MiB" */
                   _("%s: the file is %s, larger than the %s a file may be"),
                   path, size, limit);
      return FALSE;
    }

  data = g_string_sized_new (info.st_size + 1);
  ok = read_all (fd, path, max_length, data, error);
  close (fd);
  if (!ok)
    return FALSE;

  if (data->len > max_length)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   /* Translators: the first %s is the path, the second the
                    * largest size allowed, such as "20.0 MiB" */
                   _("%s: the file grew past the %s a file may be while it was read"),
                   path, limit);
      return FALSE;
    }

  *length = data->len;
  *contents = g_string_free (g_steal_pointer (&data), FALSE);
  return TRUE;
}

static gboolean
write_all (int         fd,
           const char *contents,
           gsize       length)
{
  while (length > 0)
    {
      gssize written = write (fd, contents, MIN (length, (gsize) G_MAXSSIZE));

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        return FALSE;
      contents += written;
      length -= (gsize) written;
    }

  return TRUE;
}

/* The file a save writes: @path itself, or, when it is a symbolic link,
 * the file the link leads to, so the link stays a link. A link to nowhere
 * is written through to where it points. */
static char *
resolve_target (const char *path)
{
  g_autofree char *link = NULL;
  g_autofree char *folder = NULL;
  char *resolved, *copy;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    return g_strdup (path);

  resolved = realpath (path, NULL);
  if (resolved != NULL)
    {
      copy = g_strdup (resolved);
      free (resolved);
      return copy;
    }

  link = g_file_read_link (path, NULL);
  if (link == NULL)
    return g_strdup (path);

  folder = g_path_get_dirname (path);
  return g_canonicalize_filename (link, folder);
}

/* A file being replaced keeps its permissions: a scene shared with a group
 * stays shared after it is saved. */
static void
keep_mode (int         fd,
           const char *target)
{
  struct stat info;

  if (g_stat (target, &info) == 0 && S_ISREG (info.st_mode))
    fchmod (fd, info.st_mode & 07777);
}

/**
 * sd_write_file_atomically:
 * @path: the file to write
 * @contents: (array length=length): what to write
 * @length: its length in bytes
 * @error: return location for an error
 *
 * Writes @contents to a temporary file beside @path and renames it into
 * place only when all of it is on disk, so a failure never leaves a
 * truncated or half-written file and never touches an existing one. A
 * file replaced keeps its permissions, and a symbolic link is written
 * through: the file it leads to gets the contents, the link stays.
 *
 * Returns: %TRUE on success
 */
gboolean
sd_write_file_atomically (const char  *path,
                          const char  *contents,
                          gsize        length,
                          GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *temporary = NULL;
  int fd, saved_errno;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL || length == 0, FALSE);

  /* Errors name @path, not the temporary file: that is the one the user
   * chose, and the one whose folder is missing or read-only. */
  target = resolve_target (path);
  temporary = g_strconcat (target, ".XXXXXX", NULL);
  fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    return fail_errno (path, errno, error);

  keep_mode (fd, target);
  if (!write_all (fd, contents, length) || fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      g_unlink (temporary);
      return fail_errno (path, saved_errno, error);
    }

  if (close (fd) != 0 || g_rename (temporary, target) != 0)
    {
      saved_errno = errno;
      g_unlink (temporary);
      return fail_errno (path, saved_errno, error);
    }

  return TRUE;
}
