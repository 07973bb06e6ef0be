/* cli.h: what `saddle` does on the command line without a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int      sd_cli_export            (const char         *output,
                                   const char * const *scenes,
                                   GVariantDict       *options);
gboolean sd_cli_check_export_only (GVariantDict       *options);

G_END_DECLS
