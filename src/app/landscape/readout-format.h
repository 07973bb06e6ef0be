/* readout-format.h: numbers as the Landscape page's readouts write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void sd_format_readout (char   *buffer,
                        gsize   size,
                        double  value);

G_END_DECLS
