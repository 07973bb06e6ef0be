/* test-optimizer.c: optimizers against torch.optim, closed forms and GSL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "core-error.h"
#include "optimizer.h"
#include "trajectory.h"

/* Test functions with hand-written derivatives. */

static double
quadratic (gpointer     data,
           const double p[2],
           double       grad[2],
           double       hess[4])
{
  if (grad != NULL)
    {
      grad[0] = p[0];
      grad[1] = 10.0 * p[1];
    }
  if (hess != NULL)
    {
      hess[0] = 1.0;
      hess[1] = hess[2] = 0.0;
      hess[3] = 10.0;
    }
  return 0.5 * p[0] * p[0] + 5.0 * p[1] * p[1];
}

/* The gradient is computed in the order torch's autograd uses for
 * (1 - x)**2 + 100 * (y - x**2)**2, so that the torch comparisons below
 * test the update rules rather than rounding differences of gradients. */
static double
rosenbrock (gpointer     data,
            const double p[2],
            double       grad[2],
            double       hess[4])
{
  double a = 1.0 - p[0];
  double b = p[1] - p[0] * p[0];

  if (grad != NULL)
    {
      double gb = 100.0 * (2.0 * b);

      grad[0] = -(2.0 * a) + (-gb) * (2.0 * p[0]);
      grad[1] = gb;
    }
  if (hess != NULL)
    {
      hess[0] = 2.0 - 400.0 * b + 800.0 * p[0] * p[0];
      hess[1] = hess[2] = -400.0 * p[0];
      hess[3] = 200.0;
    }
  return a * a + 100.0 * b * b;
}

/* x^2 - y^2: indefinite everywhere. */
static double
saddle (gpointer     data,
        const double p[2],
        double       grad[2],
        double       hess[4])
{
  if (grad != NULL)
    {
      grad[0] = 2.0 * p[0];
      grad[1] = -2.0 * p[1];
    }
  if (hess != NULL)
    {
      hess[0] = 2.0;
      hess[1] = hess[2] = 0.0;
      hess[3] = -2.0;
    }
  return p[0] * p[0] - p[1] * p[1];
}

/* x^2, flat along y: a singular Hessian. */
static double
valley (gpointer     data,
        const double p[2],
        double       grad[2],
        double       hess[4])
{
  if (grad != NULL)
    {
      grad[0] = 2.0 * p[0];
      grad[1] = 0.0;
    }
  if (hess != NULL)
    {
      hess[0] = 2.0;
      hess[1] = hess[2] = hess[3] = 0.0;
    }
  return p[0] * p[0];
}

/* 10 x^2 (+ y^2 / 2 so that y has a minimum too): steep along x. */
static double
steep (gpointer     data,
       const double p[2],
       double       grad[2],
       double       hess[4])
{
  if (grad != NULL)
    {
      grad[0] = 20.0 * p[0];
      grad[1] = p[1];
    }
  if (hess != NULL)
    {
      hess[0] = 20.0;
      hess[1] = hess[2] = 0.0;
      hess[3] = 1.0;
    }
  return 10.0 * p[0] * p[0] + 0.5 * p[1] * p[1];
}

/* The general quadratic 1/2 p^T A p - b^T p with A = [[3, 1], [1, 2]] and
 * b = (1, -1); its minimum solves A p = b: p = (3/5, -4/5). */
static double
tilted (gpointer     data,
        const double p[2],
        double       grad[2],
        double       hess[4])
{
  if (grad != NULL)
    {
      grad[0] = 3.0 * p[0] + p[1] - 1.0;
      grad[1] = p[0] + 2.0 * p[1] + 1.0;
    }
  if (hess != NULL)
    {
      hess[0] = 3.0;
      hess[1] = hess[2] = 1.0;
      hess[3] = 2.0;
    }
  return 0.5 * (3.0 * p[0] * p[0] + 2.0 * p[0] * p[1] + 2.0 * p[1] * p[1]) - p[0] + p[1];
}

/* log (x) + y^2: not finite for x <= 0. */
static double
logarithm (gpointer     data,
           const double p[2],
           double       grad[2],
           double       hess[4])
{
  if (grad != NULL)
    {
      grad[0] = 1.0 / p[0];
      grad[1] = 2.0 * p[1];
    }
  if (hess != NULL)
    {
      hess[0] = -1.0 / (p[0] * p[0]);
      hess[1] = hess[2] = 0.0;
      hess[3] = 2.0;
    }
  return log (p[0]) + p[1] * p[1];
}

/* |x| + |y|: a kink at the minimum. */
static double
absolute (gpointer     data,
          const double p[2],
          double       grad[2],
          double       hess[4])
{
  if (grad != NULL)
    {
      grad[0] = p[0] > 0.0 ? 1.0 : p[0] < 0.0 ? -1.0 : 0.0;
      grad[1] = p[1] > 0.0 ? 1.0 : p[1] < 0.0 ? -1.0 : 0.0;
    }
  if (hess != NULL)
    hess[0] = hess[1] = hess[2] = hess[3] = 0.0;
  return fabs (p[0]) + fabs (p[1]);
}

/* log (1 - x) + y^2: not finite for x >= 1. */
static double
log_one_minus (gpointer     data,
               const double p[2],
               double       grad[2],
               double       hess[4])
{
  if (grad != NULL)
    {
      grad[0] = -1.0 / (1.0 - p[0]);
      grad[1] = 2.0 * p[1];
    }
  if (hess != NULL)
    {
      hess[0] = -1.0 / ((1.0 - p[0]) * (1.0 - p[0]));
      hess[1] = hess[2] = 0.0;
      hess[3] = 2.0;
    }
  return log (1.0 - p[0]) + p[1] * p[1];
}

static SdObjective
objective_for (const char *name)
{
  SdObjective objective = { 0 };

  if (g_str_equal (name, "quadratic"))
    objective.eval = quadratic;
  else if (g_str_equal (name, "rosenbrock"))
    objective.eval = rosenbrock;
  else
    g_assert_not_reached ();

  return objective;
}

/* |actual - expected| <= tol |expected|, with a floor for values near 0. */
static void
assert_close (double actual,
              double expected,
              double tol)
{
  if (!(fabs (actual - expected) <= tol * MAX (fabs (expected), 1e-3)))
    g_error ("expected %.17g, got %.17g (difference %.3g)", expected, actual,
             fabs (actual - expected));
}

static SdTrajectory *
run (SdObjective             *objective,
     const SdOptimizerParams *params,
     double                   x,
     double                   y,
     guint                    steps)
{
  g_autoptr(GError) error = NULL;
  double start[2] = { x, y };
  SdTrajectory *trajectory;

  trajectory = sd_trajectory_compute_objective (objective, params, start, steps, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (trajectory);
  return trajectory;
}

static SdOptimizerParams
params_for (const char *name)
{
  g_autoptr(GError) error = NULL;
  SdOptimizerParams params;
  SdOptimizerKind kind;

  g_assert_true (sd_optimizer_kind_from_name (name, &kind, &error));
  g_assert_no_error (error);
  sd_optimizer_params_init (&params, kind);
  return params;
}

static void
set (SdOptimizerParams *params,
     const char        *key,
     double             value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sd_optimizer_params_set (params, key, value, &error));
  g_assert_no_error (error);
}

/* torch.optim reference runs: 50 steps from (1.5, -2) on the quadratic
 * 0.5 x^2 + 5 y^2 and from (-1.2, 1) on Rosenbrock (1 - x)^2 +
 * 100 (y - x^2)^2, the points after steps 1, 2, 5, 10, 20 and 50, and the
 * optimizer's state after step 50 (momentum_buffer; exp_avg; exp_avg_sq,
 * sum or square_avg). Generated with torch 1.13 by /usr/bin/python3:
 *
 * import torch
 * torch.set_default_dtype(torch.float64)
 * O = torch.optim
 *
 * def quadratic(p): return 0.5 * p[0]**2 + 5 * p[1]**2
 * def rosenbrock(p): return (1 - p[0])**2 + 100 * (p[1] - p[0]**2)**2
 *
 * CHECKPOINTS = (1, 2, 5, 10, 20, 50)
 * START = {"quadratic": [1.5, -2.0], "rosenbrock": [-1.2, 1.0]}
 * TORCH = {
 *   "sgd": lambda ps, lr=0.01, wd=0: O.SGD(ps, lr=lr, weight_decay=wd),
 *   "momentum": lambda ps, lr=0.01, wd=0, mu=0.9: O.SGD(ps, lr=lr, momentum=mu, weight_decay=wd),
 *   "nesterov": lambda ps, lr=0.01, wd=0: O.SGD(ps, lr=lr, momentum=0.9, nesterov=True,
 *                                               weight_decay=wd),
 *   "adagrad": lambda ps, lr=0.01, wd=0: O.Adagrad(ps, lr=lr, weight_decay=wd),
 *   "rmsprop": lambda ps, lr=0.01, wd=0, mu=0: O.RMSprop(ps, lr=lr, weight_decay=wd, momentum=mu),
 *   "adam": lambda ps, lr=0.001, wd=0: O.Adam(ps, lr=lr, weight_decay=wd),
 *   "adamw": lambda ps, lr=0.001, wd=0.01: O.AdamW(ps, lr=lr, weight_decay=wd),
 * }
 * KEYS = {"lr": "learning-rate", "wd": "weight-decay", "mu": "momentum"}
 * CASES = [(k, f, {}) for f in ("quadratic",) for k in TORCH] + [
 *   ("sgd", "rosenbrock", {"lr": 0.001}),
 *   ("momentum", "rosenbrock", {"lr": 0.001}),
 *   ("nesterov", "rosenbrock", {"lr": 0.001}),
 *   ("adagrad", "rosenbrock", {}),
 *   ("rmsprop", "rosenbrock", {}),
 *   ("adam", "rosenbrock", {}),
 *   ("adamw", "rosenbrock", {}),
 *   ("adam", "rosenbrock", {"lr": 0.05}),
 *   ("adamw", "rosenbrock", {"lr": 0.05, "wd": 0.1}),
 *   ("sgd", "quadratic", {"wd": 0.1}),
 *   ("momentum", "quadratic", {"wd": 0.1}),
 *   ("nesterov", "quadratic", {"wd": 0.1}),
 *   ("adagrad", "quadratic", {"lr": 0.1, "wd": 0.1}),
 *   ("rmsprop", "quadratic", {"wd": 0.1, "mu": 0.9}),
 *   ("adam", "quadratic", {"lr": 0.1, "wd": 0.1}),
 * ]
 *
 * def run(kind, fname, kw):
 *     f = quadratic if fname == "quadratic" else rosenbrock
 *     p = torch.tensor(START[fname], requires_grad=True)
 *     opt = TORCH[kind]([p], **kw)
 *     points = []
 *     for k in range(1, 51):
 *         opt.zero_grad()
 *         f(p).backward()
 *         opt.step()
 *         if k in CHECKPOINTS:
 *             points.append(p.tolist())
 *     st = opt.state[p]
 *     def get(name):
 *         return st[name].tolist() if name in st and st[name] is not None else [0.0, 0.0]
 *     velocity = get("momentum_buffer")
 *     first = get("exp_avg")
 *     second = (get("exp_avg_sq") if "exp_avg_sq" in st else get("sum") if "sum" in st
 *               else get("square_avg"))
 *     return points, velocity, first, second
 *
 * for kind, fname, kw in CASES:
 *     points, velocity, first, second = run(kind, fname, kw)
 *     settings = ", ".join('{ "%s", %r }' % (KEYS[k], v) for k, v in kw.items())
 *     print('  { "%s", "%s", { %s },' % (kind, fname, settings or '{ NULL, 0.0 }'))
 *     print('    {')
 *     for pt in points:
 *         print('      { %r, %r },' % tuple(pt))
 *     print('    },')
 *     print('    { %r, %r },' % tuple(velocity))
 *     print('    { %r, %r },' % tuple(first))
 *     print('    { %r, %r } },' % tuple(second))
 */
static const guint torch_checkpoints[] = { 1, 2, 5, 10, 20, 50 };

typedef struct
{
  const char *optimizer;
  const char *function;
  struct
  {
    const char *key;
    double      value;
  } settings[2];
  double points[G_N_ELEMENTS (torch_checkpoints)][2];
  double velocity[2];
  double first_moment[2];
  double second_moment[2];
} TorchCase;

static const TorchCase torch_cases[] = {
  { "sgd", "quadratic", { { NULL, 0.0 } },
    {
      { 1.485, -1.8 },
      { 1.47015, -1.62 },
      { 1.4264850748500002, -1.1809800000000001 },
      { 1.356573112513207, -0.6973568802000001 },
      { 1.2268604063958466, -0.24315330918113856 },
      { 0.9075091007063051, -0.010307550414640224 },
    },
    { 0.0, 0.0 },
    { 0.0, 0.0 },
    { 0.0, 0.0 } },
  { "momentum", "quadratic", { { NULL, 0.0 } },
    {
      { 1.485, -1.8 },
      { 1.45665, -1.44 },
      { 1.30745103885, 0.05832000000000001 },
      { 0.9316186687059027, 1.1775787776000002 },
      { 0.17673326633598693, -0.6893348972539105 },
      { -0.0876795408044299, 0.1333604777932168 },
    },
    { -1.2298819119660753, 1.773284395328946 },
    { 0.0, 0.0 },
    { 0.0, 0.0 } },
  { "nesterov", "quadratic", { { NULL, 0.0 } },
    {
      { 1.4715, -1.6199999999999999 },
      { 1.4313915, -1.1502 },
      { 1.2576611449807515, 0.2091633678000001 },
      { 0.87391667221863, 0.693156343291454 },
      { 0.17291641744135475, -0.23994447938952573 },
      { -0.07443056856930014, 0.009879528122520567 },
    },
    { -0.9384456388212792, 0.062074454796483734 },
    { 0.0, 0.0 },
    { 0.0, 0.0 } },
  { "adagrad", "quadratic", { { NULL, 0.0 } },
    {
      { 1.4900000000006666, -1.99000000000005 },
      { 1.482952620659682, -1.9829466763148997 },
      { 1.4678099094683559, -1.9677780920286998 },
      { 1.4501166360785425, -1.95003438376418 },
      { 1.424801625835476, -1.9246110310588862 },
      { 1.3745722992577818, -1.874038536516592 },
    },
    { 0.0, 0.0 },
    { 0.0, 0.0 },
    { 101.0507763629335, 18456.668259156115 } },
  { "rmsprop", "quadratic", { { NULL, 0.0 } },
    {
      { 1.4000000066666662, -1.9000000005 },
      { 1.3315851209971206, -1.830943326143927 },
      { 1.18902542327232, -1.685481578522089 },
      { 1.0294055276288678, -1.519793798531544 },
      { 0.8142902308853596, -1.2901730047084572 },
      { 0.4432694010685354, -0.8629606229556324 },
    },
    { 0.0, 0.0 },
    { 0.0, 0.0 },
    { 0.25667680234942136, 62.50695669391845 } },
  { "adam", "quadratic", { { NULL, 0.0 } },
    {
      { 1.4990000000066668, -1.9990000000005 },
      { 1.498000017451834, -1.9980000130683582 },
      { 1.4950002901022064, -1.9950002173234231 },
      { 1.4900021590565231, -1.9900016170494905 },
      { 1.4800159199113534, -1.9800119168997214 },
      { 1.4502024358814705, -1.9501513181409564 },
    },
    { 0.0, 0.0 },
    { 1.4523413601832502, -19.497332965557028 },
    { 0.1062179763910885, 19.0402527684776 } },
  { "adamw", "quadratic", { { NULL, 0.0 } },
    {
      { 1.498985000006667, -1.9989800000005 },
      { 1.4979700278643469, -1.99796002353041 },
      { 1.494925395965398, -1.9949003236787453 },
      { 1.4898526482482997, -1.989802108430171 },
      { 1.4797180871630269, -1.9796140931742394 },
      { 1.4494678863288966, -1.9491668240988913 },
    },
    { 0.0, 0.0 },
    { 1.4517507994484278, -19.48942515735703 },
    { 0.10616561566292929, 19.03086152121983 } },
  { "sgd", "rosenbrock", { { "learning-rate", 0.001 } },
    {
      { -0.9843999999999999, 1.088 },
      { -1.0272715665664, 1.0642086720000001 },
      { -1.0253114876941536, 1.0592414284989586 },
      { -1.0214113342697504, 1.0512622673760386 },
      { -1.0135612207526075, 1.0352940530350656 },
      { -0.9895983514013361, 0.9873117915605708 },
    },
    { 0.0, 0.0 },
    { 0.0, 0.0 },
    { 0.0, 0.0 } },
  { "momentum", "rosenbrock", { { "learning-rate", 0.001 } },
    {
      { -0.9843999999999999, 1.088 },
      { -0.8332315665664001, 1.143408672 },
      { -1.1113499522431685, 0.8806079154197625 },
      { -0.8139232312953061, 0.7548677722225039 },
      { -0.6389689004144413, 0.2678497193976122 },
      { 0.23626709438714621, 0.07495831375621473 },
    },
    { -19.045521590310706, -6.894669663146916 },
    { 0.0, 0.0 },
    { 0.0, 0.0 } },
  { "nesterov", "rosenbrock", { { "learning-rate", 0.001 } },
    {
      { -0.7903600000000001, 1.1672 },
      { -0.9348047231690214, 1.0323181932480001 },
      { -0.9498999660710465, 0.9079122288176901 },
      { -0.8799183284394609, 0.781946181346575 },
      { -0.75740379708521, 0.5813725160561304 },
      { -0.34018600356434914, 0.12040148687227147 },
    },
    { -17.113603090658586, 12.715560283325415 },
    { 0.0, 0.0 },
    { 0.0, 0.0 } },
  { "adagrad", "rosenbrock", { { NULL, 0.0 } },
    {
      { -1.1900000000000046, 1.0099999999999887 },
      { -1.1832418199648551, 1.0167823154534577 },
      { -1.169365066414166, 1.03075439584995 },
      { -1.1541881373088774, 1.0460927522519499 },
      { -1.134452876065853, 1.06610117980376 },
      { -1.102791510903169, 1.0981433607293212 },
    },
    { 0.0, 0.0 },
    { 0.0, 0.0 },
    { 627260.3495734797, 109741.6578383365 } },
  { "rmsprop", "rosenbrock", { { NULL, 0.0 } },
    {
      { -1.100000000046382, 1.0999999998863637 },
      { -1.076185508403677, 1.1243685088457427 },
      { -1.0625622494376303, 1.1334448836360989 },
      { -1.0586165350733276, 1.1269467398858146 },
      { -1.0515832653202304, 1.1121082197464731 },
      { -1.0280226043085812, 1.0630854095511284 },
    },
    { 0.0, 0.0 },
    { 0.0, 0.0 },
    { 304.5901644832633, 51.1787857022225 } },
  { "adam", "rosenbrock", { { NULL, 0.0 } },
    {
      { -1.1990000000000463, 1.0009999999998864 },
      { -1.198000228388679, 1.0019997903455287 },
      { -1.195003822917822, 1.0049964874637975 },
      { -1.1900287459448549, 1.0099735450155218 },
      { -1.1802159657332885, 1.0198005411565108 },
      { -1.1528586865826136, 1.047327405999705 },
    },
    { 0.0, 0.0 },
    { -147.88759286176685, -61.774765002295226 },
    { 1497.5077260966686, 255.97545790265264 } },
  { "adamw", "rosenbrock", { { NULL, 0.0 } },
    {
      { -1.1989880000000464, 1.0009899999998864 },
      { -1.1979762399748612, 1.0019797792409937 },
      { -1.194943948699256, 1.004946368219345 },
      { -1.189909386696249, 1.0098729462014056 },
      { -1.1799792882780609, 1.019597491525382 },
      { -1.1522897838138504, 1.0467991774727707 },
    },
    { 0.0, 0.0 },
    { -147.52873274379007, -61.644641942808875 },
    { 1493.8394092243611, 255.4323300412643 } },
  { "adam", "rosenbrock", { { "learning-rate", 0.05 } },
    {
      { -1.1500000000023192, 1.0499999999943181 },
      { -1.102111023624808, 1.0980762212585684 },
      { -1.0003784578983996, 1.1975998279636784 },
      { -1.0149912069367495, 1.1573089781233625 },
      { -1.0595395714182134, 1.0660051669986632 },
      { -0.9985842631407014, 1.001026341160504 },
    },
    { 0.0, 0.0 },
    { 1.4791592222815448, 2.829984777297345 },
    { 122.41144015830565, 25.7585863559556 } },
  { "adamw", "rosenbrock", { { "learning-rate", 0.05 }, { "weight-decay", 0.1 } },
    {
      { -1.1440000000023192, 1.0449999999943183 },
      { -1.0906322239468276, 1.0876430346035257 },
      { -0.9774739929215815, 1.1654854962071146 },
      { -0.9761129700220695, 1.0855612013457254 },
      { -0.9906759422607743, 0.922393363172191 },
      { -0.8231056408869757, 0.7003969054271775 },
    },
    { 0.0, 0.0 },
    { 1.2326335935424353, 3.0057549283449174 },
    { 115.7961306302578, 25.759658788839104 } },
  { "sgd", "quadratic", { { "weight-decay", 0.1 } },
    {
      { 1.4835, -1.798 },
      { 1.4671815000000001, -1.6164020000000001 },
      { 1.4192951445659236, -1.1744335638089982 },
      { 1.3429324715922706, -0.6896470979005521 },
      { 1.2023117488379493, -0.23780655982132679 },
      { 0.8627914622946191, -0.00975022375538073 },
    },
    { 0.0, 0.0 },
    { 0.0, 0.0 },
    { 0.0, 0.0 } },
  { "momentum", "quadratic", { { "weight-decay", 0.1 } },
    {
      { 1.4835, -1.798 },
      { 1.4523315, -1.4346020000000002 },
      { 1.2886988974373237, 0.07363001662380182 },
      { 0.880315133651995, 1.1757460833172992 },
      { 0.0906083504998834, -0.6852347593557069 },
      { -0.055470808569454334, 0.1283766092809542 },
    },
    { -1.3308869345877126, 2.1469179677139776 },
    { 0.0, 0.0 },
    { 0.0, 0.0 } },
  { "nesterov", "quadratic", { { "weight-decay", 0.1 } },
    {
      { 1.46865, -1.6161999999999999 },
      { 1.424590215, -1.14243122 },
      { 1.2345183760037157, 0.22158117891799328 },
      { 0.819821991006342, 0.6868538410428032 },
      { 0.09421712387113372, -0.2352457619714231 },
      { -0.05050583845230462, 0.00929180071815033 },
    },
    { -1.0341332452719831, 0.09025388186412123 },
    { 0.0, 0.0 },
    { 0.0, 0.0 } },
  { "adagrad", "quadratic", { { "learning-rate", 0.1 }, { "weight-decay", 0.1 } },
    {
      { 1.4000000000060606, -1.900000000000495 },
      { 1.3317681749729247, -1.8311250538092636 },
      { 1.1902972541998427, -1.6867615981289645 },
      { 1.0334935008467117, -1.5239794475098374 },
      { 0.825938931581982, -1.3024834329925223 },
      { 0.48143590863783553, -0.9079938553556455 },
    },
    { 0.0, 0.0 },
    { 0.0, 0.0 },
    { 44.40763351639318, 8817.51917181687 } },
  { "rmsprop", "quadratic", { { "weight-decay", 0.1 }, { "momentum", 0.9 } },
    {
      { 1.4000000060606057, -1.9000000004950495 },
      { 1.2415851255574246, -1.7409433265821301 },
      { 0.606755722165619, -1.0907376905696446 },
      { -0.36485530751961376, 0.01957945343028675 },
      { -0.4501045430161904, 0.7292843312273614 },
      { -0.103443342613662, -0.038167172797654185 },
    },
    { 0.31730902285417145, -2.445299233361645 },
    { 0.0, 0.0 },
    { 0.10297992509651799, 15.991886626238626 } },
  { "adam", "quadratic", { { "learning-rate", 0.1 }, { "weight-decay", 0.1 } },
    {
      { 1.4000000006060607, -1.900000000049505 },
      { 1.3002390628454612, -1.800166485710387 },
      { 1.0043581708822493, -1.5029557802540627 },
      { 0.537953417229418, -1.0245868357021186 },
      { -0.13650295083392522, -0.2224524270661329 },
      { 0.07637994519846511, 0.07576399672423248 },
    },
    { 0.0, 0.0 },
    { -0.031433320115018676, 1.310074137411702 },
    { 0.015934437412890044, 2.99983211139571 } },
};

/* Every torch update rule, bias corrections and epsilon placement
 * included, agrees with torch. On x86-64 the agreement is to the last bit
 * (the test functions compute gradients in autograd's order); 1e-12 leaves
 * room for compilers that fuse multiply-adds differently. */
static void
test_torch (gconstpointer data)
{
  const TorchCase *tc = data;
  SdObjective objective = objective_for (tc->function);
  SdOptimizerParams params = params_for (tc->optimizer);
  g_autoptr(SdTrajectory) trajectory = NULL;
  const SdOptimizerState *last;
  double start[2];

  start[0] = g_str_equal (tc->function, "quadratic") ? 1.5 : -1.2;
  start[1] = g_str_equal (tc->function, "quadratic") ? -2.0 : 1.0;

  for (guint i = 0; i < G_N_ELEMENTS (tc->settings) && tc->settings[i].key != NULL; i++)
    set (&params, tc->settings[i].key, tc->settings[i].value);

  trajectory = run (&objective, &params, start[0], start[1], 50);
  g_assert_cmpuint (sd_trajectory_get_n_points (trajectory), ==, 51);
  g_assert_cmpint (sd_trajectory_get_status (trajectory), ==, SD_OPTIMIZER_STATUS_RUNNING);
  g_assert_null (sd_trajectory_get_message (trajectory));

  for (guint i = 0; i < G_N_ELEMENTS (torch_checkpoints); i++)
    {
      const SdOptimizerState *state = sd_trajectory_get_point (trajectory, torch_checkpoints[i]);

      g_assert_cmpuint (state->iteration, ==, torch_checkpoints[i]);
      assert_close (state->position[0], tc->points[i][0], 1e-12);
      assert_close (state->position[1], tc->points[i][1], 1e-12);
    }

  last = sd_trajectory_get_point (trajectory, 50);
  for (guint i = 0; i < 2; i++)
    {
      assert_close (last->velocity[i], tc->velocity[i], 1e-12);
      assert_close (last->first_moment[i], tc->first_moment[i], 1e-12);
      assert_close (last->second_moment[i], tc->second_moment[i], 1e-12);
    }
}

/* The exposed state is consistent with the update it describes. */
static void
test_adam_state (void)
{
  SdObjective objective = { rosenbrock };
  SdOptimizerParams params = params_for ("adam");
  g_autoptr(SdTrajectory) trajectory = NULL;

  set (&params, "learning-rate", 0.05);
  trajectory = run (&objective, &params, -1.2, 1.0, 30);

  for (guint k = 1; k <= 30; k++)
    {
      const SdOptimizerState *prev = sd_trajectory_get_point (trajectory, k - 1);
      const SdOptimizerState *state = sd_trajectory_get_point (trajectory, k);
      double bc1 = 1.0 - pow (0.9, k);
      double bc2 = 1.0 - pow (0.999, k);

      for (guint i = 0; i < 2; i++)
        {
          /* Full batch: the update used the gradient at the previous point. */
          g_assert_cmpfloat (state->step_gradient[i], ==, prev->gradient[i]);
          g_assert_cmpfloat (state->delta[i], ==, state->position[i] - prev->position[i]);
          assert_close (state->first_moment_hat[i], state->first_moment[i] / bc1, 1e-15);
          assert_close (state->second_moment_hat[i], state->second_moment[i] / bc2, 1e-15);
          assert_close (state->effective_learning_rate[i],
                        0.05 / (sqrt (state->second_moment_hat[i]) + 1e-8), 1e-14);
          /* Adam's step is m_hat times the effective learning rate. */
          assert_close (state->delta[i],
                        -state->first_moment_hat[i] * state->effective_learning_rate[i], 1e-12);
        }

      g_assert_cmpfloat (state->loss, ==, rosenbrock (NULL, state->position, NULL, NULL));
    }

  /* Bias correction makes the first step exactly lr against the sign of
   * the gradient (up to epsilon): m_hat = g and sqrt (v_hat) = |g|. At
   * (-1.2, 1) Rosenbrock's gradient is (-215.6, -88). */
  {
    const SdOptimizerState *first = sd_trajectory_get_point (trajectory, 1);

    assert_close (first->delta[0], 0.05, 1e-9);
    assert_close (first->delta[1], 0.05, 1e-9);
  }
}

static void
test_sgd_state (void)
{
  SdObjective objective = { quadratic };
  SdOptimizerParams params = params_for ("sgd");
  g_autoptr(SdTrajectory) trajectory = NULL;
  const SdOptimizerState *state;

  trajectory = run (&objective, &params, 1.5, -2.0, 1);
  state = sd_trajectory_get_point (trajectory, 0);
  g_assert_cmpuint (state->iteration, ==, 0);
  g_assert_cmpfloat (state->position[0], ==, 1.5);
  g_assert_cmpfloat (state->position[1], ==, -2.0);
  g_assert_cmpfloat (state->loss, ==, 0.5 * 2.25 + 5.0 * 4.0);
  g_assert_cmpfloat (state->gradient[0], ==, 1.5);
  g_assert_cmpfloat (state->gradient[1], ==, -20.0);
  g_assert_cmpfloat (state->delta[0], ==, 0.0);

  state = sd_trajectory_get_point (trajectory, 1);
  g_assert_cmpfloat (state->step_gradient[0], ==, 1.5);
  g_assert_cmpfloat (state->step_gradient[1], ==, -20.0);
  g_assert_cmpfloat (state->effective_learning_rate[0], ==, 0.01);
  assert_close (state->delta[0], -0.015, 1e-13);
  assert_close (state->delta[1], 0.2, 1e-13);
  g_assert_cmpfloat (state->gradient[0], ==, state->position[0]);
  g_assert_cmpfloat (state->gradient[1], ==, 10.0 * state->position[1]);
}

/* Stepping by hand gives what the trajectory records. */
static void
test_stepping (void)
{
  SdObjective objective = { rosenbrock };
  SdOptimizerParams params = params_for ("nesterov");
  g_autoptr(SdTrajectory) trajectory = NULL;
  g_autoptr(SdOptimizer) optimizer = NULL;
  g_autoptr(GError) error = NULL;
  double start[2] = { -1.2, 1.0 };

  set (&params, "learning-rate", 0.001);
  trajectory = run (&objective, &params, -1.2, 1.0, 10);
  optimizer = sd_optimizer_new (&params, &objective, start, &error);
  g_assert_no_error (error);
  g_assert_true (sd_optimizer_get_params (optimizer)->kind == SD_OPTIMIZER_NESTEROV);

  for (guint k = 0; k <= 10; k++)
    {
      const SdOptimizerState *a = sd_optimizer_get_state (optimizer);
      const SdOptimizerState *b = sd_trajectory_get_point (trajectory, k);

      g_assert_cmpmem (a, sizeof *a, b, sizeof *b);
      if (k < 10)
        g_assert_cmpint (sd_optimizer_step (optimizer), ==, SD_OPTIMIZER_STATUS_RUNNING);
    }

  g_assert_cmpint (sd_optimizer_get_status (optimizer), ==, SD_OPTIMIZER_STATUS_RUNNING);
  g_assert_null (sd_optimizer_get_message (optimizer));
}

/* Newton's method on a quadratic lands on the minimum in one step. */
static void
test_newton_quadratic (void)
{
  SdObjective objective = { quadratic };
  SdObjective tilted_objective = { tilted };
  SdOptimizerParams params = params_for ("newton");
  g_autoptr(SdTrajectory) trajectory = NULL;
  g_autoptr(SdTrajectory) general = NULL;
  const SdOptimizerState *state;

  trajectory = run (&objective, &params, 1.5, -2.0, 3);
  g_assert_cmpuint (sd_trajectory_get_n_points (trajectory), ==, 4);
  for (guint k = 1; k <= 3; k++)
    {
      state = sd_trajectory_get_point (trajectory, k);
      g_assert_cmpfloat (state->position[0], ==, 0.0);
      g_assert_cmpfloat (state->position[1], ==, 0.0);
      g_assert_cmpfloat (state->loss, ==, 0.0);
    }

  /* With a cross term: the minimum solves A p = b, p = (3/5, -4/5). */
  general = run (&tilted_objective, &params, 2.0, 3.0, 1);
  state = sd_trajectory_get_point (general, 1);
  g_assert_cmpfloat_with_epsilon (state->position[0], 0.6, 1e-15);
  g_assert_cmpfloat_with_epsilon (state->position[1], -0.8, 1e-15);
  g_assert_cmpfloat_with_epsilon (state->gradient[0], 0.0, 1e-15);
  g_assert_cmpfloat_with_epsilon (state->gradient[1], 0.0, 1e-15);
}

static void
test_newton_damping (void)
{
  SdObjective objective = { saddle };
  SdOptimizerParams params = params_for ("newton");
  g_autoptr(SdTrajectory) trajectory = NULL;
  const SdOptimizerState *state;

  /* On x^2 - y^2 at (1, 1): g = (2, -2), H + 3 I = diag (5, 1), so the
   * step is -(2/5, -2) scaled by lr = 0.5: to (0.8, 2). */
  set (&params, "damping", 3.0);
  set (&params, "learning-rate", 0.5);
  trajectory = run (&objective, &params, 1.0, 1.0, 1);
  state = sd_trajectory_get_point (trajectory, 1);
  g_assert_cmpfloat_with_epsilon (state->position[0], 0.8, 1e-15);
  g_assert_cmpfloat_with_epsilon (state->position[1], 2.0, 1e-15);
  g_assert_cmpfloat (state->effective_learning_rate[0], ==, 0.5);
}

/* An indefinite or singular Hessian ends the run with a message instead of
 * a step towards a saddle or to infinity. */
static void
test_newton_refuses (void)
{
  SdObjective saddle_objective = { saddle };
  SdObjective valley_objective = { valley };
  SdObjective log_objective = { logarithm };
  SdOptimizerParams params = params_for ("newton");
  g_autoptr(SdTrajectory) indefinite = NULL;
  g_autoptr(SdTrajectory) singular = NULL;
  g_autoptr(SdTrajectory) damped = NULL;
  g_autoptr(SdTrajectory) concave = NULL;

  indefinite = run (&saddle_objective, &params, 0.5, 0.25, 10);
  g_assert_cmpuint (sd_trajectory_get_n_points (indefinite), ==, 1);
  g_assert_cmpint (sd_trajectory_get_status (indefinite), ==, SD_OPTIMIZER_STATUS_STOPPED);
  g_assert_cmpstr (sd_trajectory_get_message (indefinite), ==,
                   "Hessian is not positive definite at (0.5, 0.25)");
  g_assert_false (sd_trajectory_get_diverged (indefinite, NULL));

  singular = run (&valley_objective, &params, 1.0, 2.0, 10);
  g_assert_cmpuint (sd_trajectory_get_n_points (singular), ==, 1);
  g_assert_cmpint (sd_trajectory_get_status (singular), ==, SD_OPTIMIZER_STATUS_STOPPED);
  g_assert_cmpstr (sd_trajectory_get_message (singular), ==, "Hessian is singular at (1, 2)");

  /* Damping 1 is not enough for the saddle's curvature -2. */
  set (&params, "damping", 1.0);
  damped = run (&saddle_objective, &params, 1.0, 1.0, 10);
  g_assert_cmpstr (sd_trajectory_get_message (damped), ==,
                   "Hessian plus damping is not positive definite at (1, 1)");

  /* log x is concave: its Hessian -1/x^2 < 0 is caught at the first step. */
  set (&params, "damping", 0.0);
  concave = run (&log_objective, &params, 2.0, 1.0, 10);
  g_assert_cmpstr (sd_trajectory_get_message (concave), ==,
                   "Hessian is not positive definite at (2, 1)");
}

/* GSL's methods reach Rosenbrock's minimum (1, 1). */
static void
test_gsl_rosenbrock (gconstpointer data)
{
  SdObjective objective = { rosenbrock };
  SdOptimizerParams params = params_for (data);
  g_autoptr(SdTrajectory) trajectory = NULL;
  const SdOptimizerState *last;
  guint n;

  trajectory = run (&objective, &params, -1.2, 1.0, 2000);
  n = sd_trajectory_get_n_points (trajectory);
  last = sd_trajectory_get_point (trajectory, n - 1);
  g_test_message ("%s: %u points, status %d (%s), at (%.17g, %.17g)", (const char *) data,
                  n, sd_trajectory_get_status (trajectory),
                  sd_trajectory_get_message (trajectory), last->position[0], last->position[1]);

  g_assert_cmpfloat_with_epsilon (last->position[0], 1.0, 1e-4);
  g_assert_cmpfloat_with_epsilon (last->position[1], 1.0, 1e-4);
  g_assert_cmpfloat (last->loss, <, 1e-8);
  g_assert_false (sd_trajectory_get_diverged (trajectory, NULL));

  /* Every iterate is a real point of the function with its own loss. */
  for (guint k = 1; k < n; k++)
    {
      const SdOptimizerState *state = sd_trajectory_get_point (trajectory, k);
      const SdOptimizerState *prev = sd_trajectory_get_point (trajectory, k - 1);

      g_assert_cmpuint (state->iteration, ==, k);
      g_assert_cmpfloat (state->loss, ==, rosenbrock (NULL, state->position, NULL, NULL));
      /* All three methods only ever accept points that do not go uphill. */
      g_assert_cmpfloat (state->loss, <=, prev->loss);
    }

  /* The run ends by itself once nothing can improve. */
  g_assert_cmpint (sd_trajectory_get_status (trajectory), ==, SD_OPTIMIZER_STATUS_CONVERGED);
  g_assert_true (g_str_has_prefix (sd_trajectory_get_message (trajectory), "converged at ("));
}

/* At a stationary point GSL's gradient methods report no progress, which
 * is convergence; Nelder-Mead's simplex collapses. */
static void
test_gsl_at_minimum (void)
{
  SdObjective objective = { quadratic };
  const char *names[] = { "bfgs", "conjugate-gradient" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      SdOptimizerParams params = params_for (names[i]);
      g_autoptr(SdTrajectory) trajectory = run (&objective, &params, 0.0, 0.0, 5);

      g_assert_cmpuint (sd_trajectory_get_n_points (trajectory), ==, 1);
      g_assert_cmpint (sd_trajectory_get_status (trajectory), ==, SD_OPTIMIZER_STATUS_CONVERGED);
      g_assert_cmpstr (sd_trajectory_get_message (trajectory), ==,
                       "converged at (0, 0): the gradient vanishes");
    }
}

/* GSL failures that are not convergence end the run with GSL's reason. */
static void
test_gsl_stops (void)
{
  SdObjective kink = { absolute };
  SdObjective log_objective = { logarithm };
  SdOptimizerParams params = params_for ("bfgs");
  g_autoptr(SdTrajectory) at_kink = NULL;
  g_autoptr(SdTrajectory) off_domain = NULL;
  const SdOptimizerState *last;

  /* |x| + |y| has no gradient at its minimum: the line search ends on a
   * kink with a gradient of norm >= 1 and gives up. */
  at_kink = run (&kink, &params, 1.0, 0.5, 100);
  last = sd_trajectory_get_point (at_kink, sd_trajectory_get_n_points (at_kink) - 1);
  g_assert_cmpint (sd_trajectory_get_status (at_kink), ==, SD_OPTIMIZER_STATUS_STOPPED);
  g_assert_true (g_str_has_prefix (sd_trajectory_get_message (at_kink), "bfgs stopped at ("));
  g_assert_true (g_str_has_suffix (sd_trajectory_get_message (at_kink),
                                   "): iteration is not making progress towards solution"));
  g_assert_cmpfloat (hypot (last->gradient[0], last->gradient[1]), >=, 1.0);
  g_assert_cmpfloat (last->loss, <, 1.5);

  /* log x + y^2 falls towards x = 0 and is not finite beyond: BFGS's
   * first trial steps land there, it cannot bracket a minimum and stays
   * put, which is no progress rather than a point to record. */
  off_domain = run (&log_objective, &params, 1.0, 0.5, 100);
  g_assert_cmpuint (sd_trajectory_get_n_points (off_domain), ==, 1);
  g_assert_cmpint (sd_trajectory_get_status (off_domain), ==, SD_OPTIMIZER_STATUS_STOPPED);
  g_assert_cmpstr (sd_trajectory_get_message (off_domain), ==,
                   "bfgs stopped at (1, 0.5): iteration is not making progress towards solution");
}

/* x^2 - y^2 falls to -infinity along y. GSL's methods back off from
 * values that are not finite instead of stepping onto them, so they
 * would stall; the run reports the divergence. */
static void
test_gsl_unbounded (void)
{
  SdObjective objective = { saddle };
  const char *names[] = { "nelder-mead", "conjugate-gradient" };
  SdOptimizerParams bfgs_params = params_for ("bfgs");
  g_autoptr(SdTrajectory) bfgs = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      SdOptimizerParams params = params_for (names[i]);
      g_autoptr(SdTrajectory) trajectory = run (&objective, &params, -0.8, 1.2, 5000);
      guint n = sd_trajectory_get_n_points (trajectory);
      const SdOptimizerState *last = sd_trajectory_get_point (trajectory, n - 1);
      g_autofree char *message = NULL;
      guint step = 0;

      g_assert_true (sd_trajectory_get_diverged (trajectory, &step));
      g_assert_cmpuint (step, ==, n);
      message = g_strdup_printf ("diverged at step %u: the loss is no longer finite", step);
      g_assert_cmpstr (sd_trajectory_get_message (trajectory), ==, message);
      g_assert_true (isfinite (last->loss));
      g_assert_cmpfloat (last->loss, <, -1e300);
    }

  /* BFGS's first line search runs down the unbounded direction without
   * meeting -infinity, finds no bracket and gives up. */
  bfgs = run (&objective, &bfgs_params, -0.8, 1.2, 5000);
  g_assert_cmpuint (sd_trajectory_get_n_points (bfgs), ==, 1);
  g_assert_cmpint (sd_trajectory_get_status (bfgs), ==, SD_OPTIMIZER_STATUS_STOPPED);
  g_assert_cmpstr (sd_trajectory_get_message (bfgs), ==,
                   "bfgs stopped at (-0.8, 1.2): iteration is not making progress towards "
                   "solution");
}

/* Nelder-Mead's first simplex reaches x + learning-rate: for log (1 - x)
 * from x = 0.8 that is 1.3, outside the domain, and GSL refuses to start. */
static void
test_gsl_bad_simplex (void)
{
  SdObjective objective = { log_one_minus };
  SdOptimizerParams params = params_for ("nelder-mead");
  g_autoptr(SdTrajectory) trajectory = run (&objective, &params, 0.8, 0.0, 10);

  g_assert_cmpuint (sd_trajectory_get_n_points (trajectory), ==, 1);
  g_assert_cmpint (sd_trajectory_get_status (trajectory), ==, SD_OPTIMIZER_STATUS_STOPPED);
  g_assert_cmpstr (sd_trajectory_get_message (trajectory), ==,
                   "nelder-mead stopped at (0.8, 0): problem with user-supplied function");
}

/* SGD with lr 1 on 10 x^2 multiplies x by 1 - 20 = -19 each step. The
 * loss 10 x^2 stays finite while |x| <= sqrt (DBL_MAX / 10) = 4.2e153, so
 * for 19^120 = 2.8e153 and no longer for 19^121 = 5.4e154: update 121
 * diverges and the trajectory ends at the last finite point, 120. */
static void
test_divergence (void)
{
  SdObjective objective = { steep };
  SdOptimizerParams params = params_for ("sgd");
  g_autoptr(SdTrajectory) trajectory = NULL;
  const SdOptimizerState *last;
  guint step = 0;

  set (&params, "learning-rate", 1.0);
  trajectory = run (&objective, &params, 1.0, 0.0, 1000);
  g_assert_cmpuint (sd_trajectory_get_n_points (trajectory), ==, 121);
  g_assert_true (sd_trajectory_get_diverged (trajectory, &step));
  g_assert_cmpuint (step, ==, 121);
  g_assert_cmpint (sd_trajectory_get_status (trajectory), ==, SD_OPTIMIZER_STATUS_DIVERGED);
  g_assert_cmpstr (sd_trajectory_get_message (trajectory), ==,
                   "diverged at step 121: the loss is no longer finite");

  /* Exact while 19^k fits in 53 bits. */
  for (guint k = 0; k <= 12; k++)
    g_assert_cmpfloat (sd_trajectory_get_point (trajectory, k)->position[0], ==,
                       pow (-19.0, k));

  last = sd_trajectory_get_point (trajectory, 120);
  g_assert_true (isfinite (last->loss));
  assert_close (last->position[0], pow (19.0, 120), 1e-12);
}

/* A start where the loss is not finite is a divergence at step 0. */
static void
test_divergence_at_start (void)
{
  SdObjective objective = { logarithm };
  const char *names[] = { "adam", "newton", "bfgs", "nelder-mead" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      SdOptimizerParams params = params_for (names[i]);
      g_autoptr(SdTrajectory) trajectory = run (&objective, &params, -1.0, 0.0, 10);
      guint step = 99;

      g_assert_cmpuint (sd_trajectory_get_n_points (trajectory), ==, 1);
      g_assert_true (sd_trajectory_get_diverged (trajectory, &step));
      g_assert_cmpuint (step, ==, 0);
      g_assert_cmpstr (sd_trajectory_get_message (trajectory), ==,
                       "the loss is not finite at the start (-1, 0)");
    }
}

/* A step that leaves the domain of the function: SGD with lr 1 on log x
 * from x = 0.5 goes to 0.5 - 1 / 0.5 = -1.5, where log is NaN. */
static void
test_divergence_nan (void)
{
  SdObjective objective = { logarithm };
  SdOptimizerParams params = params_for ("sgd");
  g_autoptr(SdTrajectory) trajectory = NULL;
  guint step = 0;

  set (&params, "learning-rate", 1.0);
  trajectory = run (&objective, &params, 0.5, 0.0, 10);
  g_assert_cmpuint (sd_trajectory_get_n_points (trajectory), ==, 1);
  g_assert_true (sd_trajectory_get_diverged (trajectory, &step));
  g_assert_cmpuint (step, ==, 1);
}

/* Steps 0 records only the start; a finished optimizer stays finished. */
static void
test_zero_steps (void)
{
  SdObjective objective = { quadratic };
  SdOptimizerParams params = params_for ("adam");
  g_autoptr(SdTrajectory) trajectory = run (&objective, &params, 1.0, 1.0, 0);
  guint n = 0;
  const SdOptimizerState *points = sd_trajectory_get_points (trajectory, &n);

  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (sd_trajectory_get_n_steps (trajectory), ==, 0);
  g_assert_cmpfloat (points[0].position[0], ==, 1.0);
  g_assert_cmpfloat (points[0].loss, ==, 5.5);
  g_assert_true (sd_trajectory_get_params (trajectory)->kind == SD_OPTIMIZER_ADAM);
}

static void
test_finished_stays (void)
{
  SdObjective objective = { saddle };
  SdOptimizerParams params = params_for ("newton");
  g_autoptr(SdOptimizer) optimizer = NULL;
  g_autoptr(GError) error = NULL;
  double start[2] = { 1.0, 1.0 };
  guint n = 7;

  optimizer = sd_optimizer_new (&params, &objective, start, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sd_optimizer_step (optimizer), ==, SD_OPTIMIZER_STATUS_STOPPED);
  g_assert_cmpint (sd_optimizer_step (optimizer), ==, SD_OPTIMIZER_STATUS_STOPPED);
  g_assert_cmpuint (sd_optimizer_get_state (optimizer)->iteration, ==, 0);
  g_assert_null (sd_optimizer_get_batch (optimizer, &n));
  g_assert_cmpuint (n, ==, 0);
}

/* A mean over samples: f (p) = 1/n sum_i |p - c_i|^2 / 2 with c_i = (i, -i),
 * whose minibatch gradient is p minus the batch's mean centre. */
#define N_CENTRES 10

static double
centres (gpointer     data,
         const double p[2],
         double       grad[2],
         double       hess[4])
{
  double f = 0.0;

  if (grad != NULL)
    grad[0] = grad[1] = 0.0;
  for (guint i = 0; i < N_CENTRES; i++)
    {
      double dx = p[0] - i;
      double dy = p[1] + i;

      f += 0.5 * (dx * dx + dy * dy);
      if (grad != NULL)
        {
          grad[0] += dx;
          grad[1] += dy;
        }
    }
  if (grad != NULL)
    {
      grad[0] /= N_CENTRES;
      grad[1] /= N_CENTRES;
    }
  if (hess != NULL)
    {
      hess[0] = hess[3] = 1.0;
      hess[1] = hess[2] = 0.0;
    }
  return f / N_CENTRES;
}

static void
centres_batch (gpointer     data,
               const double p[2],
               const guint *indices,
               guint        n_indices,
               double       grad[2])
{
  guint *calls = data;

  grad[0] = grad[1] = 0.0;
  for (guint k = 0; k < n_indices; k++)
    {
      g_assert_cmpuint (indices[k], <, N_CENTRES);
      grad[0] += p[0] - indices[k];
      grad[1] += p[1] + indices[k];
    }
  grad[0] /= n_indices;
  grad[1] /= n_indices;
  (*calls)++;
}

static int
compare_indices (gconstpointer a,
                 gconstpointer b)
{
  return (int) *(const guint *) a - (int) *(const guint *) b;
}

/* Minibatches come in epochs, as sd_optimizer_new() documents: an mt19937
 * seeded with the run's seed shuffles 0 ... n - 1 with gsl_ran_shuffle ()
 * per epoch, cut into batches of 4, 4 and 2 for n = 10; SGD then steps
 * along each sorted batch's mean gradient. */
static void
test_minibatch (void)
{
  guint calls = 0;
  SdObjective objective = { centres, centres_batch, N_CENTRES, &calls };
  SdOptimizerParams params = params_for ("sgd");
  g_autoptr(SdOptimizer) optimizer = NULL;
  g_autoptr(GError) error = NULL;
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  guint epoch[N_CENTRES];
  double start[2] = { 3.0, 1.0 };
  const guint sizes[] = { 4, 4, 2 };
  guint seen[N_CENTRES] = { 0 };

  set (&params, "batch-size", 4);
  set (&params, "seed", 42);
  set (&params, "learning-rate", 0.5);
  optimizer = sd_optimizer_new (&params, &objective, start, &error);
  g_assert_no_error (error);
  gsl_rng_set (rng, 42);

  for (guint k = 0; k < 30; k++)
    {
      guint size = sizes[k % 3];
      guint offset = (k % 3) * 4;
      guint expected[4];
      double before[2];
      double mean = 0.0;
      const guint *batch;
      const SdOptimizerState *state;
      guint n = 0;

      if (k % 3 == 0)
        {
          for (guint i = 0; i < N_CENTRES; i++)
            epoch[i] = i;
          gsl_ran_shuffle (rng, epoch, N_CENTRES, sizeof (guint));
        }
      memcpy (expected, epoch + offset, size * sizeof (guint));
      qsort (expected, size, sizeof (guint), compare_indices);

      memcpy (before, sd_optimizer_get_state (optimizer)->position, sizeof before);
      g_assert_cmpint (sd_optimizer_step (optimizer), ==, SD_OPTIMIZER_STATUS_RUNNING);
      batch = sd_optimizer_get_batch (optimizer, &n);
      g_assert_cmpmem (batch, n * sizeof (guint), expected, size * sizeof (guint));

      for (guint j = 0; j < size; j++)
        {
          mean += expected[j];
          seen[expected[j]]++;
        }
      mean /= size;

      state = sd_optimizer_get_state (optimizer);
      g_assert_cmpfloat_with_epsilon (state->step_gradient[0], before[0] - mean, 1e-14);
      g_assert_cmpfloat_with_epsilon (state->position[0],
                                      before[0] - 0.5 * (before[0] - mean), 1e-14);
      g_assert_cmpfloat_with_epsilon (state->position[1],
                                      before[1] - 0.5 * (before[1] + mean), 1e-14);
      /* The reported loss and gradient are the full ones. */
      g_assert_cmpfloat (state->loss, ==, centres (NULL, state->position, NULL, NULL));
    }

  /* Ten epochs: every sample used exactly ten times. */
  for (guint i = 0; i < N_CENTRES; i++)
    g_assert_cmpuint (seen[i], ==, 10);
  g_assert_cmpuint (calls, ==, 30);
  gsl_rng_free (rng);
}

static void
test_minibatch_seeds (void)
{
  guint calls = 0;
  SdObjective objective = { centres, centres_batch, N_CENTRES, &calls };
  SdOptimizerParams params = params_for ("adam");
  g_autoptr(SdTrajectory) a = NULL;
  g_autoptr(SdTrajectory) b = NULL;
  g_autoptr(SdTrajectory) c = NULL;
  g_autoptr(SdTrajectory) full = NULL;
  g_autoptr(SdTrajectory) whole = NULL;
  g_autoptr(SdTrajectory) larger = NULL;
  g_autoptr(SdTrajectory) newton = NULL;
  SdOptimizerParams newton_params = params_for ("newton");
  guint n = 0;
  const SdOptimizerState *pa, *pb, *pc;

  set (&params, "learning-rate", 0.1);
  set (&params, "batch-size", 3);
  set (&params, "seed", 7);
  a = run (&objective, &params, 1.0, 1.0, 50);
  b = run (&objective, &params, 1.0, 1.0, 50);
  set (&params, "seed", 8);
  c = run (&objective, &params, 1.0, 1.0, 50);

  /* Same seed, same batches; another seed, other batches. */
  pa = sd_trajectory_get_points (a, &n);
  pb = sd_trajectory_get_points (b, &n);
  pc = sd_trajectory_get_points (c, &n);
  g_assert_cmpmem (pa, n * sizeof *pa, pb, n * sizeof *pb);
  g_assert_cmpfloat (pa[50].position[0], !=, pc[50].position[0]);

  /* A batch of the whole dataset is the full gradient, bit for bit; a
   * batch larger than the dataset too. */
  set (&params, "batch-size", 0);
  full = run (&objective, &params, 1.0, 1.0, 50);
  set (&params, "batch-size", N_CENTRES);
  whole = run (&objective, &params, 1.0, 1.0, 50);
  set (&params, "batch-size", 1000);
  larger = run (&objective, &params, 1.0, 1.0, 50);
  pa = sd_trajectory_get_points (full, &n);
  pb = sd_trajectory_get_points (whole, &n);
  pc = sd_trajectory_get_points (larger, &n);
  g_assert_cmpmem (pa, n * sizeof *pa, pb, n * sizeof *pb);
  g_assert_cmpmem (pa, n * sizeof *pa, pc, n * sizeof *pc);

  /* Newton does not draw batches. */
  calls = 0;
  newton_params.batch_size = 2;
  newton = run (&objective, &newton_params, 1.0, 1.0, 3);
  g_assert_cmpuint (calls, ==, 0);
  g_assert_false (sd_optimizer_kind_is_stochastic (SD_OPTIMIZER_NEWTON));
  g_assert_true (sd_optimizer_kind_is_stochastic (SD_OPTIMIZER_ADAMW));
}

static void
test_names (void)
{
  const char * const *names = sd_optimizer_list_names ();
  const char *expected[] = {
    "sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw", "newton", "bfgs",
    "conjugate-gradient", "nelder-mead",
  };
  g_autoptr(GError) error = NULL;
  SdOptimizerKind kind = SD_OPTIMIZER_SGD;

  g_assert_cmpuint (g_strv_length ((char **) names), ==, SD_N_OPTIMIZER_KINDS);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GError) local = NULL;

      g_assert_cmpstr (names[i], ==, expected[i]);
      g_assert_cmpstr (sd_optimizer_kind_to_name (i), ==, expected[i]);
      g_assert_true (sd_optimizer_kind_from_name (expected[i], &kind, &local));
      g_assert_no_error (local);
      g_assert_cmpuint (kind, ==, i);
    }

  g_assert_false (sd_optimizer_kind_from_name ("foo", &kind, &error));
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "unknown optimizer 'foo'");
}

static void
test_keys (void)
{
  const char *adam[] = {
    "learning-rate", "beta1", "beta2", "epsilon", "weight-decay", "batch-size", "seed", NULL
  };
  const char *newton[] = { "learning-rate", "damping", NULL };

  g_assert_cmpstrv (sd_optimizer_kind_get_keys (SD_OPTIMIZER_ADAM), adam);
  g_assert_cmpstrv (sd_optimizer_kind_get_keys (SD_OPTIMIZER_NEWTON), newton);
  g_assert_true (sd_optimizer_kind_has_key (SD_OPTIMIZER_RMSPROP, "alpha"));
  g_assert_true (sd_optimizer_kind_has_key (SD_OPTIMIZER_RMSPROP, "momentum"));
  g_assert_true (sd_optimizer_kind_has_key (SD_OPTIMIZER_NESTEROV, "momentum"));
  g_assert_false (sd_optimizer_kind_has_key (SD_OPTIMIZER_SGD, "momentum"));
  g_assert_false (sd_optimizer_kind_has_key (SD_OPTIMIZER_ADAGRAD, "beta1"));
  g_assert_false (sd_optimizer_kind_has_key (SD_OPTIMIZER_BFGS, "batch-size"));
  g_assert_true (sd_optimizer_kind_has_key (SD_OPTIMIZER_NELDER_MEAD, "learning-rate"));
  g_assert_false (sd_optimizer_kind_has_key (SD_OPTIMIZER_ADAM, "nonsense"));

  /* Every listed key can be read and written. */
  for (guint kind = 0; kind < SD_N_OPTIMIZER_KINDS; kind++)
    {
      const char * const *keys = sd_optimizer_kind_get_keys (kind);
      SdOptimizerParams params;

      sd_optimizer_params_init (&params, kind);
      for (guint i = 0; keys[i] != NULL; i++)
        {
          double value = -1.0;

          g_assert_true (sd_optimizer_params_get (&params, keys[i], &value));
          set (&params, keys[i], value);
        }
    }
}

/* torch.optim's defaults, as inspect.signature (torch.optim.X.__init__) shows them
 * in torch 1.13:
 *   SGD(lr=required, momentum=0, dampening=0, weight_decay=0, nesterov=False)
 *   Adagrad(lr=0.01, lr_decay=0, weight_decay=0, initial_accumulator_value=0,
 *           eps=1e-10)
 *   RMSprop(lr=0.01, alpha=0.99, eps=1e-08, weight_decay=0, momentum=0)
 *   Adam(lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0)
 *   AdamW(lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0.01)
 * (SGD has no default learning rate; Saddle uses 0.01 and momentum 0.9.) */
static void
test_defaults (void)
{
  SdOptimizerParams p;

  sd_optimizer_params_init (&p, SD_OPTIMIZER_SGD);
  g_assert_cmpfloat (p.learning_rate, ==, 0.01);
  g_assert_cmpfloat (p.weight_decay, ==, 0.0);
  g_assert_cmpuint (p.batch_size, ==, 0);
  g_assert_cmpuint (p.seed, ==, 1);

  sd_optimizer_params_init (&p, SD_OPTIMIZER_MOMENTUM);
  g_assert_cmpfloat (p.learning_rate, ==, 0.01);
  g_assert_cmpfloat (p.momentum, ==, 0.9);

  sd_optimizer_params_init (&p, SD_OPTIMIZER_NESTEROV);
  g_assert_cmpfloat (p.momentum, ==, 0.9);

  sd_optimizer_params_init (&p, SD_OPTIMIZER_ADAGRAD);
  g_assert_cmpfloat (p.learning_rate, ==, 0.01);
  g_assert_cmpfloat (p.epsilon, ==, 1e-10);

  sd_optimizer_params_init (&p, SD_OPTIMIZER_RMSPROP);
  g_assert_cmpfloat (p.learning_rate, ==, 0.01);
  g_assert_cmpfloat (p.alpha, ==, 0.99);
  g_assert_cmpfloat (p.epsilon, ==, 1e-8);
  g_assert_cmpfloat (p.momentum, ==, 0.0);

  sd_optimizer_params_init (&p, SD_OPTIMIZER_ADAM);
  g_assert_cmpfloat (p.learning_rate, ==, 0.001);
  g_assert_cmpfloat (p.beta1, ==, 0.9);
  g_assert_cmpfloat (p.beta2, ==, 0.999);
  g_assert_cmpfloat (p.epsilon, ==, 1e-8);
  g_assert_cmpfloat (p.weight_decay, ==, 0.0);

  sd_optimizer_params_init (&p, SD_OPTIMIZER_ADAMW);
  g_assert_cmpfloat (p.learning_rate, ==, 0.001);
  g_assert_cmpfloat (p.weight_decay, ==, 0.01);

  sd_optimizer_params_init (&p, SD_OPTIMIZER_NEWTON);
  g_assert_cmpfloat (p.learning_rate, ==, 1.0);
  g_assert_cmpfloat (p.damping, ==, 0.0);

  sd_optimizer_params_init (&p, SD_OPTIMIZER_BFGS);
  g_assert_cmpfloat (p.learning_rate, ==, 0.1);
  sd_optimizer_params_init (&p, SD_OPTIMIZER_CONJUGATE_GRADIENT);
  g_assert_cmpfloat (p.learning_rate, ==, 0.1);
  sd_optimizer_params_init (&p, SD_OPTIMIZER_NELDER_MEAD);
  g_assert_cmpfloat (p.learning_rate, ==, 0.5);

  for (guint kind = 0; kind < SD_N_OPTIMIZER_KINDS; kind++)
    {
      g_autoptr(GError) error = NULL;

      sd_optimizer_params_init (&p, kind);
      g_assert_true (sd_optimizer_params_validate (&p, &error));
      g_assert_no_error (error);
    }
}

static void
assert_set_fails (SdOptimizerKind  kind,
                  const char      *key,
                  double           value,
                  const char      *message)
{
  g_autoptr(GError) error = NULL;
  SdOptimizerParams params;
  SdOptimizerParams before;

  sd_optimizer_params_init (&params, kind);
  before = params;
  g_assert_false (sd_optimizer_params_set (&params, key, value, &error));
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpmem (&params, sizeof params, &before, sizeof before);
}

static void
test_validation (void)
{
  assert_set_fails (SD_OPTIMIZER_SGD, "learning-rate", NAN,
                    "learning-rate: must be a positive finite number, got 'nan'");
  assert_set_fails (SD_OPTIMIZER_SGD, "learning-rate", 0.0,
                    "learning-rate: must be a positive finite number, got '0'");
  assert_set_fails (SD_OPTIMIZER_ADAM, "learning-rate", -0.1,
                    "learning-rate: must be a positive finite number, got '-0.1'");
  assert_set_fails (SD_OPTIMIZER_ADAM, "learning-rate", INFINITY,
                    "learning-rate: must be a positive finite number, got 'inf'");
  assert_set_fails (SD_OPTIMIZER_MOMENTUM, "momentum", -0.5,
                    "momentum: must be a finite number >= 0, got '-0.5'");
  assert_set_fails (SD_OPTIMIZER_NESTEROV, "momentum", 0.0,
                    "momentum: nesterov needs a positive momentum, got '0'");
  assert_set_fails (SD_OPTIMIZER_RMSPROP, "alpha", 1.0, "alpha: must be in [0, 1), got '1'");
  assert_set_fails (SD_OPTIMIZER_RMSPROP, "alpha", -0.25, "alpha: must be in [0, 1), got '-0.25'");
  assert_set_fails (SD_OPTIMIZER_ADAM, "beta1", 1.0, "beta1: must be in [0, 1), got '1'");
  assert_set_fails (SD_OPTIMIZER_ADAM, "beta2", NAN, "beta2: must be in [0, 1), got 'nan'");
  assert_set_fails (SD_OPTIMIZER_ADAM, "beta2", 1.5, "beta2: must be in [0, 1), got '1.5'");
  assert_set_fails (SD_OPTIMIZER_ADAM, "epsilon", 0.0,
                    "epsilon: must be a positive finite number, got '0'");
  assert_set_fails (SD_OPTIMIZER_ADAMW, "weight-decay", -1e-3,
                    "weight-decay: must be a finite number >= 0, got '-0.001'");
  assert_set_fails (SD_OPTIMIZER_NEWTON, "damping", -INFINITY,
                    "damping: must be a finite number >= 0, got '-inf'");
  assert_set_fails (SD_OPTIMIZER_SGD, "batch-size", 2.5,
                    "batch-size: must be a whole number from 0 (the full batch) to 100000, "
                    "got '2.5'");
  assert_set_fails (SD_OPTIMIZER_SGD, "batch-size", 100001,
                    "batch-size: must be a whole number from 0 (the full batch) to 100000, "
                    "got '100001'");
  assert_set_fails (SD_OPTIMIZER_SGD, "seed", -1,
                    "seed: must be a whole number from 0 to 4294967295, got '-1'");
  assert_set_fails (SD_OPTIMIZER_SGD, "seed", 4294967296.0,
                    "seed: must be a whole number from 0 to 4294967295, got '4294967296'");
  assert_set_fails (SD_OPTIMIZER_SGD, "learning_rate", 0.1,
                    "unknown optimizer setting 'learning_rate'");

  /* A value that needs all 17 digits is quoted exactly. */
  assert_set_fails (SD_OPTIMIZER_ADAM, "beta1", 1.0000000000000002,
                    "beta1: must be in [0, 1), got '1.0000000000000002'");
}

static void
test_validation_accepts_edges (void)
{
  SdOptimizerParams params = params_for ("rmsprop");
  double value = 0.0;

  set (&params, "alpha", 0.0);
  set (&params, "momentum", 0.0);
  set (&params, "weight-decay", 0.0);
  set (&params, "batch-size", 100000);
  set (&params, "seed", 4294967295.0);
  g_assert_cmpuint (params.batch_size, ==, 100000);
  g_assert_cmpuint (params.seed, ==, G_MAXUINT32);
  g_assert_true (sd_optimizer_params_get (&params, "seed", &value));
  g_assert_cmpfloat (value, ==, 4294967295.0);
  g_assert_false (sd_optimizer_params_get (&params, "nonsense", &value));
}

/* Hand-filled parameters are checked before a run starts. */
static void
test_validation_run (void)
{
  SdObjective objective = { quadratic };
  g_autoptr(GError) error = NULL;
  SdOptimizerParams params = params_for ("adam");
  SdOptimizer *optimizer;
  SdTrajectory *trajectory;
  double start[2] = { 1.0, 1.0 };
  double bad_start[2] = { NAN, 1.0 };

  params.beta2 = 1.0;
  optimizer = sd_optimizer_new (&params, &objective, start, &error);
  g_assert_null (optimizer);
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "beta2: must be in [0, 1), got '1'");
  g_clear_error (&error);

  /* A kind ignores keys it does not read, even invalid ones. */
  params = params_for ("sgd");
  params.beta2 = 1.0;
  params.momentum = -1.0;
  g_assert_true (sd_optimizer_params_validate (&params, &error));
  g_assert_no_error (error);

  params.kind = SD_N_OPTIMIZER_KINDS;
  g_assert_false (sd_optimizer_params_validate (&params, &error));
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_clear_error (&error);

  params = params_for ("sgd");
  optimizer = sd_optimizer_new (&params, &objective, bad_start, &error);
  g_assert_null (optimizer);
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "start: must be a finite point, got 'nan, 1'");
  g_clear_error (&error);

  trajectory = sd_trajectory_compute_objective (&objective, &params, start,
                                                SD_TRAJECTORY_MAX_STEPS + 1, NULL, &error);
  g_assert_null (trajectory);
  g_assert_error (error, SD_CORE_ERROR, SD_CORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "steps: must be a whole number from 0 to 100000, "
                   "got '100001'");
}

static void
test_cancelled (void)
{
  SdObjective objective = { quadratic };
  SdOptimizerParams params = params_for ("sgd");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  double start[2] = { 1.0, 1.0 };
  SdTrajectory *trajectory;

  g_cancellable_cancel (cancellable);
  trajectory = sd_trajectory_compute_objective (&objective, &params, start, 10, cancellable,
                                                &error);
  g_assert_null (trajectory);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_max_steps (void)
{
  SdObjective objective = { quadratic };
  SdOptimizerParams params = params_for ("momentum");
  g_autoptr(SdTrajectory) trajectory = run (&objective, &params, 1.0, 1.0,
                                            SD_TRAJECTORY_MAX_STEPS);
  const SdOptimizerState *last;

  g_assert_cmpuint (sd_trajectory_get_n_points (trajectory), ==, SD_TRAJECTORY_MAX_STEPS + 1);
  last = sd_trajectory_get_point (trajectory, SD_TRAJECTORY_MAX_STEPS);
  g_assert_cmpuint (last->iteration, ==, SD_TRAJECTORY_MAX_STEPS);
  /* Heavy-ball momentum on a convex quadratic with these settings converges. */
  g_assert_cmpfloat (fabs (last->position[0]), <, 1e-100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  sd_core_init ();

  for (guint i = 0; i < G_N_ELEMENTS (torch_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/optimizer/torch/%s/%s/%u",
                                               torch_cases[i].optimizer,
                                               torch_cases[i].function, i);

      g_test_add_data_func (path, &torch_cases[i], test_torch);
    }

  g_test_add_func ("/core/optimizer/adam/state", test_adam_state);
  g_test_add_func ("/core/optimizer/sgd/state", test_sgd_state);
  g_test_add_func ("/core/optimizer/stepping", test_stepping);
  g_test_add_func ("/core/optimizer/newton/quadratic", test_newton_quadratic);
  g_test_add_func ("/core/optimizer/newton/damping", test_newton_damping);
  g_test_add_func ("/core/optimizer/newton/refuses", test_newton_refuses);
  g_test_add_data_func ("/core/optimizer/gsl/bfgs/rosenbrock", "bfgs", test_gsl_rosenbrock);
  g_test_add_data_func ("/core/optimizer/gsl/conjugate-gradient/rosenbrock",
                        "conjugate-gradient", test_gsl_rosenbrock);
  g_test_add_data_func ("/core/optimizer/gsl/nelder-mead/rosenbrock", "nelder-mead",
                        test_gsl_rosenbrock);
  g_test_add_func ("/core/optimizer/gsl/at-minimum", test_gsl_at_minimum);
  g_test_add_func ("/core/optimizer/gsl/stops", test_gsl_stops);
  g_test_add_func ("/core/optimizer/gsl/unbounded", test_gsl_unbounded);
  g_test_add_func ("/core/optimizer/gsl/bad-simplex", test_gsl_bad_simplex);
  g_test_add_func ("/core/optimizer/minibatch/draws", test_minibatch);
  g_test_add_func ("/core/optimizer/minibatch/seeds", test_minibatch_seeds);
  g_test_add_func ("/core/optimizer/names", test_names);
  g_test_add_func ("/core/optimizer/keys", test_keys);
  g_test_add_func ("/core/optimizer/defaults", test_defaults);
  g_test_add_func ("/core/optimizer/validation/values", test_validation);
  g_test_add_func ("/core/optimizer/validation/edges", test_validation_accepts_edges);
  g_test_add_func ("/core/optimizer/validation/run", test_validation_run);
  g_test_add_func ("/core/trajectory/divergence", test_divergence);
  g_test_add_func ("/core/trajectory/divergence-at-start", test_divergence_at_start);
  g_test_add_func ("/core/trajectory/divergence-nan", test_divergence_nan);
  g_test_add_func ("/core/trajectory/zero-steps", test_zero_steps);
  g_test_add_func ("/core/trajectory/finished", test_finished_stays);
  g_test_add_func ("/core/trajectory/cancelled", test_cancelled);
  g_test_add_func ("/core/trajectory/max-steps", test_max_steps);

  return g_test_run ();
}
