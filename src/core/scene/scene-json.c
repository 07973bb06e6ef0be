/* scene-json.c: every number a scene shows, as one JSON object
 *
 * The JSON export is an interface: lecture notes and reference checks read
 * its keys, which docs/json-export.md lists. Each kind's section adds its
 * own members with the helpers here, which keep two promises of that
 * document: a number reads back as exactly the double computed, and a
 * number that is undefined or infinite is null.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "scene-private.h"

/**
 * _sd_json_add_number:
 * @builder: a builder inside an array, or after a member name
 * @value: a number
 *
 * Adds @value, or null when it is NaN or infinite: JSON has no such
 * numbers, and json-glib 1.6 would write "nan.0" or "inf.0".
 */
void
_sd_json_add_number (JsonBuilder *builder,
                     double       value)
{
  if (isfinite (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/**
 * _sd_json_set_key:
 * @builder: a builder inside an object
 * @name: a key as the scene file spells it, such as "learning-rate"
 *
 * Names the next member in snake_case, "learning_rate", as every key of
 * the export is spelled.
 */
void
_sd_json_set_key (JsonBuilder *builder,
                  const char  *name)
{
  g_autofree char *key = g_strdelimit (g_strdup (name), "-", '_');

  json_builder_set_member_name (builder, key);
}

void
_sd_json_set_number (JsonBuilder *builder,
                     const char  *key,
                     double       value)
{
  json_builder_set_member_name (builder, key);
  _sd_json_add_number (builder, value);
}

void
_sd_json_set_int (JsonBuilder *builder,
                  const char  *key,
                  gint64       value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
}

void
_sd_json_set_boolean (JsonBuilder *builder,
                      const char  *key,
                      gboolean     value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_boolean_value (builder, value);
}

/* A %NULL @value is written as null. */
void
_sd_json_set_string (JsonBuilder *builder,
                     const char  *key,
                     const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
_sd_json_set_null (JsonBuilder *builder,
                   const char  *key)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_null_value (builder);
}

/* Adds [values[0], ..., values[n - 1]], each a number or null. */
void
_sd_json_add_numbers (JsonBuilder  *builder,
                      const double *values,
                      gsize         n)
{
  json_builder_begin_array (builder);
  for (gsize i = 0; i < n; i++)
    _sd_json_add_number (builder, values[i]);
  json_builder_end_array (builder);
}

void
_sd_json_set_numbers (JsonBuilder  *builder,
                      const char   *key,
                      const double *values,
                      gsize         n)
{
  json_builder_set_member_name (builder, key);
  _sd_json_add_numbers (builder, values, n);
}

/* A point, vector or range: [x, y]. */
void
_sd_json_set_pair (JsonBuilder  *builder,
                   const char   *key,
                   const double  pair[2])
{
  _sd_json_set_numbers (builder, key, pair, 2);
}

/* A 2 × 2 matrix from its row-major entries: [[a, b], [c, d]]. */
void
_sd_json_set_matrix (JsonBuilder  *builder,
                     const char   *key,
                     const double  entries[4])
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  _sd_json_add_numbers (builder, entries, 2);
  _sd_json_add_numbers (builder, entries + 2, 2);
  json_builder_end_array (builder);
}

/* json-glib 1.6 writes a double with %.17g, which reads back exactly, and
 * appends ".0" when that has no decimal point, so that the number reads
 * back as a double; but a power of ten such as 1e+30 then comes out as
 * "1e+30.0", which is not JSON. This takes such a ".0" out again, outside
 * strings, where nothing else can put a "." right after an exponent.
 * Returns the new length. */
static gsize
repair_exponents (char  *text,
                  gsize  length)
{
  gboolean in_string = FALSE;
  gsize in = 0, out = 0;

  while (in < length)
    {
      char c = text[in];

      text[out++] = text[in++];
      if (in_string)
        {
          if (c == '\\' && in < length)
            text[out++] = text[in++];
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        {
          in_string = TRUE;
          continue;
        }
      if ((c != 'e' && c != 'E') || in >= length
          || !(text[in] == '+' || text[in] == '-' || g_ascii_isdigit (text[in])))
        continue;

      /* The exponent's sign and digits, then the stray ".0". */
      do
        text[out++] = text[in++];
      while (in < length && g_ascii_isdigit (text[in]));
      if (in + 1 < length && text[in] == '.' && text[in + 1] == '0')
        in += 2;
    }

  text[out] = '\0';
  return out;
}

/**
 * sd_scene_to_json:
 * @self: a scene
 * @cancellable: (nullable): a #GCancellable
 * @length: (out) (optional): the length of the text
 * @error: return location for an error
 *
 * Computes every number the scene shows and writes it as one JSON object,
 * whose keys docs/json-export.md describes. Safe to call on a worker
 * thread while nothing changes @self.
 *
 * Returns: (transfer full) (nullable): the JSON text, ending in a line
 *   break, or %NULL with @error set
 */
char *
sd_scene_to_json (const SdScene  *self,
                  GCancellable   *cancellable,
                  gsize          *length,
                  GError        **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  gsize text_length;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  json_builder_begin_object (builder);
  _sd_json_set_int (builder, "format_version", SD_SCENE_JSON_VERSION);
  _sd_json_set_string (builder, "generator", PACKAGE_NAME " " PACKAGE_VERSION);
  _sd_json_set_string (builder, "kind", sd_scene_kind_to_name (self->kind));
  _sd_json_set_string (builder, "title", self->title);
  if (self->has_step)
    _sd_json_set_int (builder, "step", self->step);
  else
    _sd_json_set_null (builder, "step");

  if (!_sd_scene_get_section (self->kind)->to_json (self, builder, cancellable, error))
    return NULL;
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &text_length);
  text_length = repair_exponents (text, text_length);

  if (length != NULL)
    *length = text_length + 1;
  return g_strconcat (text, "\n", NULL);
}
