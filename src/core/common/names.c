/* names.c: finding a name in a table of names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "names.h"

/**
 * sd_name_find:
 * @names: (array length=n_names): names, such as the names of the values
 *   of an enumeration in their order
 * @n_names: how many names to look at
 * @name: the name to find
 * @index: (out) (optional): where @name is in @names
 *
 * Scene files and settings name enumerated values by stable identifiers;
 * this turns an identifier back into its position.
 *
 * Returns: %TRUE if @name is one of the first @n_names of @names
 */
gboolean
sd_name_find (const char * const *names,
              guint               n_names,
              const char         *name,
              guint              *index)
{
  g_return_val_if_fail (names != NULL || n_names == 0, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < n_names; i++)
    {
      if (g_str_equal (name, names[i]))
        {
          if (index != NULL)
            *index = i;
          return TRUE;
        }
    }

  return FALSE;
}
