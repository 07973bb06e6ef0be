/* names.h: finding a name in a table of names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean sd_name_find (const char * const *names,
                       guint               n_names,
                       const char         *name,
                       guint              *index);

G_END_DECLS
