/* bench-export.c: whole-process headless export against matplotlib
 *
 * Exports the standard lecture figure (Rosenbrock, x in [-2, 2], y in
 * [-1, 3], resolution 400, log scale, 20 contours, viridis, 500 Adam steps at
 * learning rate 0.05 from (-1.5, 2), axes, colour bar, title, legend) with
 * `saddle --export --size 800x600 --scale 2`, as PNG and PDF, and the same
 * figure at 1600 x 1200 with matplotlib, timing whole processes side by side.
 * The target is at most a tenth of matplotlib's time.
 *
 * matplotlib draws the heatmap with imshow (an embedded image, as Saddle
 * does) rather than pcolormesh, whose 160000 vector cells make its PDF seven
 * times slower still: the comparison is kept fair to matplotlib.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <glib.h>
#include <glib/gstdio.h>

#define RUNS 7

/* The same figure in matplotlib 3.6, run with Debian's python3. */
static const char matplotlib_script[] =
  "import sys, time\n"
  "t0 = time.perf_counter()\n"
  "import numpy as np\n"
  "import matplotlib\n"
  "matplotlib.use(\"Agg\")\n"
  "import matplotlib.pyplot as plt\n"
  "from matplotlib.colors import LogNorm\n"
  "out = sys.argv[1]\n"
  "n = 400\n"
  "x = np.linspace(-2, 2, n); y = np.linspace(-1, 3, n)\n"
  "X, Y = np.meshgrid(x, y)\n"
  "Z = (1 - X)**2 + 100 * (Y - X**2)**2\n"
  "p = np.array([-1.5, 2.0]); m = np.zeros(2); v = np.zeros(2)\n"
  "lr, b1, b2, eps = 0.05, 0.9, 0.999, 1e-8\n"
  "path = [p.copy()]\n"
  "for t in range(1, 501):\n"
  "    g = np.array([-2 * (1 - p[0]) - 400 * p[0] * (p[1] - p[0]**2), 200 * (p[1] - p[0]**2)])\n"
  "    m = b1 * m + (1 - b1) * g; v = b2 * v + (1 - b2) * g * g\n"
  "    p = p - lr * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + eps)\n"
  "    path.append(p.copy())\n"
  "path = np.array(path)\n"
  "fig, ax = plt.subplots(figsize=(8, 6))\n"
  "norm = LogNorm(vmin=max(Z.min(), 1e-3), vmax=Z.max())\n"
  "im = ax.imshow(Z, norm=norm, cmap=\"viridis\", origin=\"lower\", extent=(-2, 2, -1, 3), aspect=\"auto\", interpolation=\"bilinear\")\n"
  "ax.contour(X, Y, Z, levels=np.logspace(np.log10(max(Z.min(), 1e-3)), np.log10(Z.max()), 20), colors=\"white\", linewidths=0.5, alpha=0.6)\n"
  "ax.plot(path[:, 0], path[:, 1], color=\"#0072b2\", label=\"Adam\")\n"
  "ax.plot(path[0, 0], path[0, 1], \"o\", mfc=\"white\", color=\"#0072b2\")\n"
  "ax.plot(path[-1, 0], path[-1, 1], \"o\", color=\"#0072b2\")\n"
  "fig.colorbar(im, ax=ax, label=\"f(x, y)\")\n"
  "ax.set_xlabel(\"x\"); ax.set_ylabel(\"y\"); ax.set_title(\"Adam on Rosenbrock\"); ax.legend()\n"
  "fig.savefig(out, dpi=200)\n";

static double
time_command (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                     NULL, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s failed: %s\n", argv[0], error->message);
      return -1.0;
    }

  return (g_get_monotonic_time () - start) / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median of several runs, which a busy machine disturbs least. */
static double
median_time (const char * const *argv,
             guint               runs)
{
  double times[RUNS];

  for (guint i = 0; i < runs; i++)
    {
      times[i] = time_command (argv);
      if (times[i] < 0)
        return -1.0;
    }

  qsort (times, runs, sizeof *times, compare_doubles);
  return times[runs / 2];
}

int
main (int   argc,
      char *argv[])
{
  const char *exe = g_getenv ("SADDLE_EXE");
  const char *scene = g_getenv ("SADDLE_LECTURE_SCENE");
  g_autofree char *dir = g_dir_make_tmp ("saddle-bench-XXXXXX", NULL);
  g_autofree char *script = g_build_filename (dir, "figure.py", NULL);
  static const char * const formats[] = { "png", "pdf" };
  gboolean have_matplotlib;

  g_assert (exe != NULL && scene != NULL);
  g_file_set_contents (script, matplotlib_script, -1, NULL);
  have_matplotlib = g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE)
                    && time_command ((const char *[]) { "/usr/bin/python3", "-c",
                                                         "import matplotlib", NULL }) >= 0;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *out = g_strdup_printf ("%s/saddle.%s", dir, formats[i]);
      g_autofree char *mpl_out = g_strdup_printf ("%s/matplotlib.%s", dir, formats[i]);
      double saddle, matplotlib;

      saddle = median_time ((const char *[]) { exe, "--export", out, scene, "--size", "800x600",
                                                "--scale", "2", NULL }, RUNS);
      g_print ("saddle --export lecture figure as %s (1600 x 1200): %.3f s\n",
               formats[i], saddle);

      if (!have_matplotlib)
        {
          g_print ("matplotlib: not installed (apt-get install python3-matplotlib)\n");
          continue;
        }

      matplotlib = median_time ((const char *[]) { "/usr/bin/python3", script, mpl_out, NULL }, 3);
      g_print ("matplotlib 3.6, same figure as %s: %.3f s\n", formats[i], matplotlib);
      g_print ("saddle / matplotlib, %s: %.3f (target <= 0.1)\n", formats[i], saddle / matplotlib);
      g_remove (mpl_out);
      g_remove (out);
    }

  g_remove (script);
  g_rmdir (dir);
  return 0;
}
