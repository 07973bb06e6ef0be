/* test-optimizer-torch.c: the torch.optim methods against torch itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "optimizer-testing.h"

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

      assert_states_equal (a, b);
      if (k < 10)
        g_assert_cmpint (sd_optimizer_step (optimizer), ==, SD_OPTIMIZER_STATUS_RUNNING);
    }

  g_assert_cmpint (sd_optimizer_get_status (optimizer), ==, SD_OPTIMIZER_STATUS_RUNNING);
  g_assert_null (sd_optimizer_get_message (optimizer));
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

  return g_test_run ();
}
