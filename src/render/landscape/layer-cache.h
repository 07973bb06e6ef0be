/* layer-cache.h: drawings that rarely change, kept as an image between frames
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* The most values a caller's key may have. */
#define SD_LAYER_CACHE_MAX_KEY 16

typedef struct _SdLayerCache SdLayerCache;

typedef void (*SdLayerDrawFunc) (cairo_t  *cr,
                                 gpointer  user_data);

SdLayerCache *sd_layer_cache_new   (void);
void          sd_layer_cache_free  (SdLayerCache            *cache);
gboolean      sd_layer_cache_draw  (SdLayerCache            *cache,
                                    cairo_t                 *cr,
                                    const cairo_rectangle_t *area,
                                    const double            *key,
                                    guint                    n_key,
                                    SdLayerDrawFunc          draw,
                                    gpointer                 user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SdLayerCache, sd_layer_cache_free)

G_END_DECLS
