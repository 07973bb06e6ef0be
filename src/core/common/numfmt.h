/* numfmt.h: numbers as scene files and CSV write and read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Big enough for any double printed by sd_format_double(). */
#define SD_FORMAT_DOUBLE_SIZE G_ASCII_DTOSTR_BUF_SIZE

const char *sd_format_double     (char        buffer[SD_FORMAT_DOUBLE_SIZE],
                                  double      value);
const char *sd_format_number     (char       *buffer,
                                  gsize       size,
                                  double      value);
gboolean    sd_parse_double      (const char *text,
                                  double     *value);
gboolean    sd_parse_double_list (const char *text,
                                  double     *values,
                                  guint       n_values,
                                  guint      *n_found);

G_END_DECLS
