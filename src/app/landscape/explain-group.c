/* explain-group.c: the Landscape page's Explain group, what one run sees
 * at the shown iterate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "curvature.h"
#include "explain-group.h"
#include "overlay.h"
#include "number.h"

/*
 * The group chooses which overlays the canvas draws at the shown iterate
 * of one run (the run's `explain` key, so they are saved and exported with
 * the scene) and reads off their numbers, and what the Hessian there says
 * about the learning rate. It follows the model (the runs and their keys),
 * the results (the trajectories and the surface they were computed on)
 * and the iteration the page shows.
 */

struct _SdExplainGroup
{
  AdwPreferencesGroup  parent_instance;

  SdLandscapeResults  *results;
  SdLandscapeModel    *model;
  GSignalGroup        *model_signals;
  GSignalGroup        *results_signals;
  guint                iteration;
  char                *readout;
  guint                syncing;
  guint                setting_explain;

  AdwComboRow         *explain_run_row;
  GtkStringList       *explain_runs;
  GtkSwitch           *explain_gradient_switch;
  GtkSwitch           *explain_step_switch;
  GtkWidget           *explain_velocity_row;
  GtkSwitch           *explain_velocity_switch;
  GtkWidget           *explain_adam_row;
  GtkSwitch           *explain_adam_switch;
  GtkSwitch           *explain_curvature_switch;
  GtkSwitch           *explain_readable_switch;
  GtkWidget           *arrows_readout_row;
  GtkLabel            *arrows_label;
  GtkWidget           *curvature_readout_row;
  GtkLabel            *lambda_min_label;
  GtkLabel            *lambda_max_label;
  GtkLabel            *condition_label;
  GtkLabel            *bound_label;
  GtkLabel            *learning_rate_label;
};

G_DEFINE_FINAL_TYPE (SdExplainGroup, sd_explain_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_RESULTS,
  PROP_ITERATION,
  PROP_READOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
get_n_runs (SdExplainGroup *self)
{
  return sd_scene_get_surface (sd_landscape_model_get_scene (self->model))->runs->len;
}

static const SdSceneRun *
get_run (SdExplainGroup *self,
         guint           index)
{
  const GPtrArray *runs = sd_scene_get_surface (sd_landscape_model_get_scene (self->model))->runs;

  return index < runs->len ? g_ptr_array_index (runs, index) : NULL;
}

/* While runs are added or removed, the results' trajectories are for the
 * runs before: their indices do not match the model's. */
static const SdTrajectory *
get_trajectory (SdExplainGroup *self,
                guint           index)
{
  if (sd_landscape_results_get_n_trajectories (self->results) != get_n_runs (self))
    return NULL;

  return sd_landscape_results_get_trajectory (self->results, index);
}

static SdSurface *
get_surface (SdExplainGroup *self)
{
  return sd_landscape_results_get_surface (self->results);
}

static void
update_explain_runs (SdExplainGroup *self)
{
  guint n_runs = get_n_runs (self);
  guint old = g_list_model_get_n_items (G_LIST_MODEL (self->explain_runs));
  guint selected = adw_combo_row_get_selected (self->explain_run_row);
  g_autofree const char **names = g_new0 (const char *, n_runs + 1);
  gboolean same = old == n_runs;

  for (guint i = 0; i < n_runs; i++)
    {
      names[i] = get_run (self, i)->name;
      same = same && g_str_equal (names[i],
                                  gtk_string_list_get_string (self->explain_runs, i));
    }
  if (same)
    return;

  self->syncing++;
  gtk_string_list_splice (self->explain_runs, 0, old, names);
  if (n_runs > 0)
    adw_combo_row_set_selected (self->explain_run_row,
                                selected == GTK_INVALID_LIST_POSITION ? 0
                                : MIN (selected, n_runs - 1));
  self->syncing--;
}

static const SdOptimizerState *
get_explained_state (SdExplainGroup     *self,
                     const SdTrajectory **trajectory)
{
  guint run = adw_combo_row_get_selected (self->explain_run_row);
  guint n_points;

  *trajectory = run < get_n_runs (self) ? get_trajectory (self, run) : NULL;
  if (*trajectory == NULL || (n_points = sd_trajectory_get_n_points (*trajectory)) == 0)
    return NULL;

  return sd_trajectory_get_point (*trajectory,
                                  MIN (self->iteration, n_points - 1));
}

/* Whether the point @displacement away from @position lies outside the
 * scene's range: its arrow leaves the map. */
static gboolean
leaves_map (SdExplainGroup *self,
            const double     position[2],
            const double     displacement[2])
{
  const SdSceneSurface *surface = sd_scene_get_surface (sd_landscape_model_get_scene (self->model));
  double x = position[0] + displacement[0], y = position[1] + displacement[1];

  return !(x >= surface->x_range[0] && x <= surface->x_range[1]
           && y >= surface->y_range[0] && y <= surface->y_range[1]);
}

/* An arrow's numbers as the readout shows them, in Pango markup. */
typedef struct
{
  char *x;
  char *y;
  char *length;
} ArrowText;

static void
arrow_text_clear (ArrowText *arrow)
{
  g_clear_pointer (&arrow->x, g_free);
  g_clear_pointer (&arrow->y, g_free);
  g_clear_pointer (&arrow->length, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ArrowText, arrow_text_clear)

static void
format_arrow (const double  displacement[2],
              ArrowText    *arrow)
{
  arrow_text_clear (arrow);
  arrow->x = sd_number_markup (displacement[0], SD_NUMBER_COMPACT);
  arrow->y = sd_number_markup (displacement[1], SD_NUMBER_COMPACT);
  arrow->length = sd_number_markup (hypot (displacement[0], displacement[1]), SD_NUMBER_COMPACT);
}

/* Ends a line of the readout; an arrow that leaves the map says so, as
 * it is cut there (at readable lengths none is). */
static void
end_arrow_line (SdExplainGroup *self,
                GString         *text,
                const double     position[2],
                const double     displacement[2])
{
  if (displacement != NULL
      && !sd_scene_get_surface (sd_landscape_model_get_scene (self->model))->explain_readable
      && leaves_map (self, position, displacement))
    /* Translators: appended to an arrow's readout line when the arrow
     * is longer than the map shows */
    g_string_append (text, _(" (leaves the map)"));
  g_string_append_c (text, '\n');
}

/* The numbers of the arrows drawn: they keep their true length on the
 * map, so far from a minimum they are cut at its edge and near one they
 * can be too short to see; here they can always be read. */
static void
update_arrows_readout (SdExplainGroup *self,
                       SdExplainFlags   flags)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const SdTrajectory *trajectory;
  SdOverlayData data;
  g_auto(ArrowText) arrow = { NULL };
  guint run = adw_combo_row_get_selected (self->explain_run_row);

  flags &= SD_EXPLAIN_GRADIENT | SD_EXPLAIN_STEP | SD_EXPLAIN_VELOCITY | SD_EXPLAIN_ADAM_STEP;
  trajectory = run < get_n_runs (self) ? get_trajectory (self, run) : NULL;
  if (flags == SD_EXPLAIN_NONE || trajectory == NULL || get_surface (self) == NULL
      || !sd_overlay_data_init (&data, get_surface (self), trajectory,
                                self->iteration))
    {
      gtk_widget_set_visible (self->arrows_readout_row, FALSE);
      return;
    }

  if (flags & SD_EXPLAIN_GRADIENT)
    {
      double g[2] = { -data.learning_rate * data.gradient[0],
                      -data.learning_rate * data.gradient[1] };

      format_arrow (g, &arrow);
      /* Translators: the gradient-descent step at the iterate, its two
       * components and its length; Pango markup */
      g_string_append_printf (text, _("−η∇<i>f</i> = (%s, %s), length %s"),
                              arrow.x, arrow.y, arrow.length);
      end_arrow_line (self, text, data.position, g);
    }
  if (flags & SD_EXPLAIN_STEP)
    {
      format_arrow (data.step, &arrow);
      /* Translators: the step the optimizer takes from the iterate, its
       * two components and its length */
      g_string_append_printf (text, _("step taken = (%s, %s), length %s"),
                              arrow.x, arrow.y, arrow.length);
      end_arrow_line (self, text, data.position, data.step);
    }
  if (flags & SD_EXPLAIN_VELOCITY)
    {
      double v[2] = { -data.learning_rate * data.velocity[0],
                      -data.learning_rate * data.velocity[1] };

      format_arrow (v, &arrow);
      /* Translators: minus the learning rate times the momentum buffer,
       * its two components and its length; Pango markup */
      g_string_append_printf (text, _("−η<i>v</i> = (%s, %s), length %s"),
                              arrow.x, arrow.y, arrow.length);
      end_arrow_line (self, text, data.position, v);
    }
  if (flags & SD_EXPLAIN_ADAM_STEP)
    {
      double sizes[2] = { data.effective_learning_rate[0] * fabs (data.gradient[0]),
                          data.effective_learning_rate[1] * fabs (data.gradient[1]) };

      format_arrow (sizes, &arrow);
      /* Translators: Adam's step size along each coordinate at the
       * iterate, the half-widths of the orange box */
      g_string_append_printf (text, _("Adam’s step sizes (%s, %s)"), arrow.x, arrow.y);
      end_arrow_line (self, text, data.position, NULL);
    }

  g_string_truncate (text, text->len - 1);
  gtk_label_set_markup (self->arrows_label, text->str);
  gtk_widget_set_visible (self->arrows_readout_row, TRUE);
}

static void
update_curvature_readout (SdExplainGroup *self)
{
  const SdTrajectory *trajectory;
  const SdOptimizerState *state;
  g_autofree char *lmin = NULL, *lmax = NULL, *cond = NULL, *bound = NULL, *rate = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL;
  SdCurvature curvature;
  double hess[4], lr;

  if (!gtk_switch_get_active (self->explain_curvature_switch))
    {
      gtk_widget_set_visible (self->curvature_readout_row, FALSE);
      return;
    }
  gtk_widget_set_visible (self->curvature_readout_row, TRUE);

  state = get_explained_state (self, &trajectory);
  if (state == NULL || get_surface (self) == NULL)
    {
      gtk_label_set_text (self->lambda_min_label, _("No iterate to explain"));
      gtk_label_set_text (self->lambda_max_label, "");
      gtk_label_set_text (self->condition_label, "");
      gtk_label_set_text (self->bound_label, "");
      gtk_label_set_text (self->learning_rate_label, "");
      return;
    }

  sd_surface_eval (get_surface (self), state->position[0], state->position[1], NULL, hess);
  if (!sd_curvature_from_hessian (hess, &curvature, NULL))
    {
      gtk_label_set_text (self->lambda_min_label, _("The Hessian is not finite here"));
      gtk_label_set_text (self->lambda_max_label, "");
      gtk_label_set_text (self->condition_label, "");
      gtk_label_set_text (self->bound_label, "");
      gtk_label_set_text (self->learning_rate_label, "");
      return;
    }

  a = sd_number_markup (curvature.lambda[0], SD_NUMBER_COMPACT);
  b = sd_number_markup (curvature.lambda[1], SD_NUMBER_COMPACT);
  c = sd_number_markup (curvature.condition, SD_NUMBER_COMPACT);
  /* Translators: the Hessian's smallest eigenvalue, in Pango markup */
  lmin = g_strdup_printf (_("λ<sub>min</sub> = %s"), a);
  /* Translators: the Hessian's largest eigenvalue, in Pango markup */
  lmax = g_strdup_printf (_("λ<sub>max</sub> = %s"), b);
  /* Translators: the Hessian's condition number |λ|max / |λ|min */
  cond = g_strdup_printf (_("condition number %s"), c);

  if (curvature.lambda[1] > 0.0)
    {
      d = sd_number_markup (curvature.stability_bound, SD_NUMBER_COMPACT);
      /* Translators: gradient descent converges on the local quadratic
       * model for learning rates below 2/λmax; Pango markup */
      bound = g_strdup_printf (_("stable if learning rate &lt; 2/λ<sub>max</sub> = %s"), d);
    }
  else
    bound = g_strdup (_("no upward curvature: no learning rate is too large"));

  lr = sd_trajectory_get_params (trajectory)->learning_rate;
  e = sd_number_markup (lr, SD_NUMBER_COMPACT);
  /* Translators: the explained run's learning rate */
  rate = g_strdup_printf (_("learning rate %s"), e);

  gtk_label_set_markup (self->lambda_min_label, lmin);
  gtk_label_set_markup (self->lambda_max_label, lmax);
  gtk_label_set_markup (self->condition_label, cond);
  gtk_label_set_markup (self->bound_label, bound);
  gtk_label_set_markup (self->learning_rate_label, rate);
  if (lr > curvature.stability_bound)
    gtk_widget_add_css_class (GTK_WIDGET (self->learning_rate_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->learning_rate_label), "error");
}

/* What the Explain group reads off at the shown iterate of its run. */
/* The readout's lines, as one text in Pango markup for where the sidebar
 * is not shown (presentation mode draws it over the figure). */
static void
update_readout_markup (SdExplainGroup *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkLabel *curvature[] = { self->lambda_min_label, self->lambda_max_label,
                            self->condition_label, self->bound_label,
                            self->learning_rate_label };

  if (gtk_widget_get_visible (self->arrows_readout_row))
    g_string_append (text, gtk_label_get_label (self->arrows_label));

  if (gtk_widget_get_visible (self->curvature_readout_row))
    for (guint i = 0; i < G_N_ELEMENTS (curvature); i++)
      {
        const char *line = gtk_label_get_label (curvature[i]);

        if (*line == '\0')
          continue;
        /* λmin and λmax share the first line, as in the sidebar. */
        g_string_append (text, text->len == 0 ? "" : i == 1 ? "    " : "\n");
        g_string_append (text, line);
      }

  if (g_strcmp0 (self->readout, text->str) == 0)
    return;

  g_free (self->readout);
  self->readout = g_strdup (text->str);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READOUT]);
}

static void
update_explain_readout (SdExplainGroup *self)
{
  guint run = adw_combo_row_get_selected (self->explain_run_row);

  update_arrows_readout (self, run < get_n_runs (self) ? get_run (self, run)->explain
                                                       : SD_EXPLAIN_NONE);
  update_curvature_readout (self);
  update_readout_markup (self);
}

static void
set_switch (GtkSwitch *widget,
            gboolean   active)
{
  if (gtk_switch_get_active (widget) != active)
    gtk_switch_set_active (widget, active);
}

/* Only what the chosen run's optimizer has can be switched on. */
static void
update_explain_sensitivity (SdExplainGroup *self)
{
  guint run = adw_combo_row_get_selected (self->explain_run_row);
  SdExplainFlags supported = run < get_n_runs (self)
                             ? sd_scene_explain_supported (get_run (self, run)->params.kind)
                             : SD_EXPLAIN_NONE;

  gtk_widget_set_sensitive (self->explain_velocity_row, supported & SD_EXPLAIN_VELOCITY);
  gtk_widget_set_sensitive (self->explain_adam_row, supported & SD_EXPLAIN_ADAM_STEP);
}

/* The switches go to the chosen run's `explain` key, and every other run's
 * is cleared: the group explains one run. The model leaves out what the
 * run's optimizer does not have, while the switch keeps its place for
 * when the run changes back. */
static void
update_explain (SdExplainGroup *self)
{
  guint run = adw_combo_row_get_selected (self->explain_run_row);
  SdExplainFlags flags = SD_EXPLAIN_NONE;

  if (gtk_switch_get_active (self->explain_gradient_switch))
    flags |= SD_EXPLAIN_GRADIENT;
  if (gtk_switch_get_active (self->explain_step_switch))
    flags |= SD_EXPLAIN_STEP;
  if (gtk_switch_get_active (self->explain_velocity_switch))
    flags |= SD_EXPLAIN_VELOCITY;
  if (gtk_switch_get_active (self->explain_adam_switch))
    flags |= SD_EXPLAIN_ADAM_STEP;
  if (gtk_switch_get_active (self->explain_curvature_switch))
    flags |= SD_EXPLAIN_CURVATURE;

  update_explain_sensitivity (self);
  self->setting_explain++;
  for (guint i = 0; i < get_n_runs (self); i++)
    sd_landscape_model_set_run_explain (self->model, i, i == run ? flags : SD_EXPLAIN_NONE);
  self->setting_explain--;
  update_explain_readout (self);
}

/* The group shows the first run with something explained, as an opened
 * scene has it; with none, every switch is off. */
static void
sync_explain (SdExplainGroup *self)
{
  SdExplainFlags flags = SD_EXPLAIN_NONE, supported = SD_EXPLAIN_NONE;

  self->syncing++;
  for (guint i = 0; i < get_n_runs (self); i++)
    {
      const SdSceneRun *run = get_run (self, i);

      if (run->explain != SD_EXPLAIN_NONE)
        {
          flags = run->explain;
          supported = sd_scene_explain_supported (run->params.kind);
          adw_combo_row_set_selected (self->explain_run_row, i);
          break;
        }
    }

  set_switch (self->explain_gradient_switch, flags & SD_EXPLAIN_GRADIENT);
  set_switch (self->explain_step_switch, flags & SD_EXPLAIN_STEP);
  set_switch (self->explain_curvature_switch, flags & SD_EXPLAIN_CURVATURE);
  set_switch (self->explain_readable_switch,
              sd_scene_get_surface (sd_landscape_model_get_scene (self->model))->explain_readable);
  if (flags == SD_EXPLAIN_NONE || (supported & SD_EXPLAIN_VELOCITY))
    set_switch (self->explain_velocity_switch, flags & SD_EXPLAIN_VELOCITY);
  if (flags == SD_EXPLAIN_NONE || (supported & SD_EXPLAIN_ADAM_STEP))
    set_switch (self->explain_adam_switch, flags & SD_EXPLAIN_ADAM_STEP);
  self->syncing--;

  update_explain_sensitivity (self);
  update_explain_readout (self);
}

static void
on_explain_changed (SdExplainGroup *self)
{
  g_assert (SD_IS_EXPLAIN_GROUP (self));

  /* The template's rows report their first values before there is a model. */
  if (self->syncing || self->model == NULL)
    return;
  update_explain (self);
}

static void
on_explain_readable_changed (SdExplainGroup *self)
{
  g_assert (SD_IS_EXPLAIN_GROUP (self));

  if (self->syncing || self->model == NULL)
    return;
  sd_landscape_model_set_explain_readable (self->model,
                                           gtk_switch_get_active (self->explain_readable_switch));
}


static void
on_model_changed (SdExplainGroup *self)
{
  g_assert (SD_IS_EXPLAIN_GROUP (self));

  update_explain_runs (self);
  if (self->setting_explain == 0)
    sync_explain (self);
}

/* GObject */

static void
sd_explain_group_finalize (GObject *object)
{
  SdExplainGroup *self = SD_EXPLAIN_GROUP (object);

  g_clear_pointer (&self->readout, g_free);

  G_OBJECT_CLASS (sd_explain_group_parent_class)->finalize (object);
}

static void
sd_explain_group_dispose (GObject *object)
{
  SdExplainGroup *self = SD_EXPLAIN_GROUP (object);

  g_clear_object (&self->model_signals);
  g_clear_object (&self->results_signals);
  g_clear_object (&self->results);
  g_clear_object (&self->model);
  gtk_widget_dispose_template (GTK_WIDGET (self), SD_TYPE_EXPLAIN_GROUP);

  G_OBJECT_CLASS (sd_explain_group_parent_class)->dispose (object);
}

static void
sd_explain_group_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SdExplainGroup *self = SD_EXPLAIN_GROUP (object);

  switch (prop_id)
    {
    case PROP_RESULTS:
      g_value_set_object (value, self->results);
      break;
    case PROP_ITERATION:
      g_value_set_uint (value, self->iteration);
      break;
    case PROP_READOUT:
      g_value_set_string (value, self->readout);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sd_explain_group_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SdExplainGroup *self = SD_EXPLAIN_GROUP (object);

  switch (prop_id)
    {
    case PROP_RESULTS:
      sd_explain_group_set_results (self, g_value_get_object (value));
      break;
    case PROP_ITERATION:
      sd_explain_group_set_iteration (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Binds the template child NAME to the field of SdExplainGroup named the same. */
#define BIND_CHILD(name) gtk_widget_class_bind_template_child (widget_class, SdExplainGroup, name)

static void
sd_explain_group_class_init (SdExplainGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sd_explain_group_dispose;
  object_class->finalize = sd_explain_group_finalize;
  object_class->get_property = sd_explain_group_get_property;
  object_class->set_property = sd_explain_group_set_property;

  /**
   * SdExplainGroup:results:
   *
   * The Landscape results, and through them the model, that the group
   * explains.
   */
  properties[PROP_RESULTS] =
    g_param_spec_object ("results", NULL, NULL, SD_TYPE_LANDSCAPE_RESULTS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SdExplainGroup:iteration:
   *
   * The iteration the page shows, whose iterate is explained.
   */
  properties[PROP_ITERATION] =
    g_param_spec_uint ("iteration", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SdExplainGroup:readout:
   *
   * The numbers the group reads off, as one text in Pango markup, empty
   * when nothing is explained.
   */
  properties[PROP_READOUT] =
    g_param_spec_string ("readout", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE_PATH "/ui/explain-group.ui");
  BIND_CHILD (explain_run_row);
  BIND_CHILD (explain_runs);
  BIND_CHILD (explain_gradient_switch);
  BIND_CHILD (explain_step_switch);
  BIND_CHILD (explain_velocity_row);
  BIND_CHILD (explain_velocity_switch);
  BIND_CHILD (explain_adam_row);
  BIND_CHILD (explain_adam_switch);
  BIND_CHILD (explain_curvature_switch);
  BIND_CHILD (explain_readable_switch);
  BIND_CHILD (arrows_readout_row);
  BIND_CHILD (arrows_label);
  BIND_CHILD (curvature_readout_row);
  BIND_CHILD (lambda_min_label);
  BIND_CHILD (lambda_max_label);
  BIND_CHILD (condition_label);
  BIND_CHILD (bound_label);
  BIND_CHILD (learning_rate_label);
  gtk_widget_class_bind_template_callback (widget_class, on_explain_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_explain_readable_changed);
}

static void
sd_explain_group_init (SdExplainGroup *self)
{
  self->readout = g_strdup ("");
  gtk_widget_init_template (GTK_WIDGET (self));

  self->model_signals = g_signal_group_new (SD_TYPE_LANDSCAPE_MODEL);
  g_signal_group_connect_swapped (self->model_signals, "changed",
                                  G_CALLBACK (on_model_changed), self);
  self->results_signals = g_signal_group_new (SD_TYPE_LANDSCAPE_RESULTS);
  g_signal_group_connect_swapped (self->results_signals, "trajectories-changed",
                                  G_CALLBACK (update_explain_readout), self);
}

/**
 * sd_explain_group_get_results:
 * @self: a #SdExplainGroup
 *
 * Returns: (transfer none) (nullable): the results the group explains
 */
SdLandscapeResults *
sd_explain_group_get_results (SdExplainGroup *self)
{
  g_return_val_if_fail (SD_IS_EXPLAIN_GROUP (self), NULL);

  return self->results;
}

void
sd_explain_group_set_results (SdExplainGroup     *self,
                              SdLandscapeResults *results)
{
  SdLandscapeModel *model;

  g_return_if_fail (SD_IS_EXPLAIN_GROUP (self));
  g_return_if_fail (results == NULL || SD_IS_LANDSCAPE_RESULTS (results));

  if (!g_set_object (&self->results, results))
    return;

  model = results != NULL ? sd_landscape_results_get_model (results) : NULL;
  g_set_object (&self->model, model);
  g_signal_group_set_target (self->model_signals, self->model);
  g_signal_group_set_target (self->results_signals, results);
  if (self->model != NULL)
    on_model_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULTS]);
}

guint
sd_explain_group_get_iteration (SdExplainGroup *self)
{
  g_return_val_if_fail (SD_IS_EXPLAIN_GROUP (self), 0);

  return self->iteration;
}

void
sd_explain_group_set_iteration (SdExplainGroup *self,
                                guint           iteration)
{
  g_return_if_fail (SD_IS_EXPLAIN_GROUP (self));

  if (self->iteration == iteration)
    return;

  self->iteration = iteration;
  if (self->model != NULL)
    update_explain_readout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITERATION]);
}
