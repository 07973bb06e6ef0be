/* file-io.h: reading files with a bound, writing them atomically
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean sd_read_file_bounded     (const char  *path,
                                   gsize        max_length,
                                   char       **contents,
                                   gsize       *length,
                                   GError     **error);
gboolean sd_write_file_atomically (const char  *path,
                                   const char  *contents,
                                   gsize        length,
                                   GError     **error);

G_END_DECLS
