/* expr-parse.c: from the text of an expression to its tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "core-error.h"
#include "expr-ops.h"
#include "expr-private.h"

/*
 * Grammar, from loosest to tightest binding:
 *
 *   sum     := product (('+' | '-') product)*
 *   product := unary (('*' | '/') unary)*
 *   unary   := ('+' | '-') unary | power
 *   power   := primary ('^' unary)?
 *   primary := number | name | name '(' [sum (',' sum)*] ')' | '(' sum ')'
 *
 * '^' takes a unary on its right, so it groups to the right (2^3^2 is
 * 2^(3^2)) and binds tighter than a sign on its left (-x^2 is -(x^2)) but
 * still accepts one on its right (2^-1). The parser recurses for every
 * parenthesis, call, sign and '^'; it counts that depth and refuses to go
 * deeper than SD_EXPR_MAX_DEPTH, so no input can overflow the stack.
 *
 * Nodes are appended to an array after their operands. Operations on
 * constants are folded as they are built, which leaves the folded operands
 * behind unreferenced; compiling drops them.
 */

typedef enum
{
  TOKEN_END,
  TOKEN_NUMBER,
  TOKEN_NAME,
  TOKEN_PLUS,
  TOKEN_MINUS,
  TOKEN_STAR,
  TOKEN_SLASH,
  TOKEN_CARET,
  TOKEN_LPAREN,
  TOKEN_RPAREN,
  TOKEN_COMMA,
  TOKEN_INVALID,
} TokenType;

typedef struct
{
  TokenType   type;
  const char *start;   /* into the text */
  gsize       length;  /* in bytes */
  double      number;
} Token;

typedef struct
{
  const char *text;
  const char *pos;
  Token       token;   /* the current, not yet consumed token */
  guint       depth;
  GArray     *nodes;   /* SdExprInsn */
  guint       error_column;
  GError     *error;
} Parser;

typedef struct
{
  const char *name;
  SdExprOp    op;
  guint       n_args;
} Function;

static const Function functions[] = {
  { "sin", SD_EXPR_OP_SIN, 1 },
  { "cos", SD_EXPR_OP_COS, 1 },
  { "tan", SD_EXPR_OP_TAN, 1 },
  { "asin", SD_EXPR_OP_ASIN, 1 },
  { "acos", SD_EXPR_OP_ACOS, 1 },
  { "atan", SD_EXPR_OP_ATAN, 1 },
  { "atan2", SD_EXPR_OP_ATAN2, 2 },
  { "sinh", SD_EXPR_OP_SINH, 1 },
  { "cosh", SD_EXPR_OP_COSH, 1 },
  { "tanh", SD_EXPR_OP_TANH, 1 },
  { "exp", SD_EXPR_OP_EXP, 1 },
  { "log", SD_EXPR_OP_LOG, 1 },
  { "log10", SD_EXPR_OP_LOG10, 1 },
  { "sqrt", SD_EXPR_OP_SQRT, 1 },
  { "abs", SD_EXPR_OP_ABS, 1 },
  { "min", SD_EXPR_OP_MIN, 2 },
  { "max", SD_EXPR_OP_MAX, 2 },
  { "pow", SD_EXPR_OP_POW, 2 },
  { "sigmoid", SD_EXPR_OP_SIGMOID, 1 },
  { "softplus", SD_EXPR_OP_SOFTPLUS, 1 },
  { "relu", SD_EXPR_OP_RELU, 1 },
};

static guint parse_sum (Parser *p);

/* Columns count characters from 1, as a text entry shows them. */
static guint
column_at (const Parser *p,
           const char   *where)
{
  return (guint) g_utf8_pointer_to_offset (p->text, where) + 1;
}

static void
fail (Parser     *p,
      const char *where,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static void
fail (Parser     *p,
      const char *where,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (p->error != NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  p->error_column = column_at (p, where);
  p->error = g_error_new (SD_CORE_ERROR, SD_CORE_ERROR_PARSE,
                          /* Translators: %s is one of the messages about an
                           * expression, such as "unknown function 'sine'", and
                           * %u the column where the problem is, counted in
                           * characters from 1 */
                          _("%s at column %u"), message, p->error_column);
}

static void
fail_unexpected (Parser      *p,
                 const Token *token)
{
  if (token->type == TOKEN_END)
    fail (p, token->start, _("unexpected end of expression"));
  else
    /* Translators: %.*s is the piece of the expression that cannot come
     * there, such as ')' or '*' */
    fail (p, token->start, _("unexpected '%.*s'"), (int) token->length, token->start);
}

static gboolean
is_name_start (char c)
{
  return g_ascii_isalpha (c) || c == '_';
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* digits [. digits] | . digits, then an optional exponent e[+-]digits. An
 * 'e' that no digits follow is not part of the number. */
static gsize
scan_number (const char *s)
{
  gsize n = 0;
  gsize mantissa_digits = 0;

  while (g_ascii_isdigit (s[n]))
    n++, mantissa_digits++;
  if (s[n] == '.')
    {
      n++;
      while (g_ascii_isdigit (s[n]))
        n++, mantissa_digits++;
    }
  if (mantissa_digits == 0)
    return 0;

  if (s[n] == 'e' || s[n] == 'E')
    {
      gsize e = n + 1;

      if (s[e] == '+' || s[e] == '-')
        e++;
      if (g_ascii_isdigit (s[e]))
        {
          while (g_ascii_isdigit (s[e]))
            e++;
          n = e;
        }
    }

  return n;
}

static void
next_token (Parser *p)
{
  Token *t = &p->token;
  const char *s = p->pos;

  while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
    s++;

  t->start = s;
  t->length = 1;
  t->number = 0.0;

  switch (*s)
    {
    case '\0': t->type = TOKEN_END; t->length = 0; break;
    case '+': t->type = TOKEN_PLUS; break;
    case '-': t->type = TOKEN_MINUS; break;
    case '*': t->type = TOKEN_STAR; break;
    case '/': t->type = TOKEN_SLASH; break;
    case '^': t->type = TOKEN_CARET; break;
    case '(': t->type = TOKEN_LPAREN; break;
    case ')': t->type = TOKEN_RPAREN; break;
    case ',': t->type = TOKEN_COMMA; break;
    default:
      if (is_name_start (*s))
        {
          t->type = TOKEN_NAME;
          t->length = 0;
          while (is_name_char (s[t->length]))
            t->length++;
        }
      else if ((t->length = scan_number (s)) > 0)
        {
          t->type = TOKEN_NUMBER;
          t->number = g_ascii_strtod (s, NULL);
        }
      else
        {
          /* Show the whole character, even outside ASCII; the text is
           * valid UTF-8 by now. */
          t->type = TOKEN_INVALID;
          t->length = (gsize) (g_utf8_next_char (s) - s);
        }
      break;
    }

  p->pos = s + t->length;
}

static gboolean
token_is (const Token *t,
          const char  *name)
{
  return t->type == TOKEN_NAME && strlen (name) == t->length &&
         strncmp (t->start, name, t->length) == 0;
}

static guint
add_node (Parser   *p,
          SdExprOp  op,
          guint     a,
          guint     b,
          double    k)
{
  SdExprInsn node = { .op = op, .a = a, .b = b, .k = k };

  if (!SD_EXPR_OP_IS_LEAF (op))
    {
      const SdExprInsn *na = &g_array_index (p->nodes, SdExprInsn, a);
      const SdExprInsn *nb = SD_EXPR_OP_IS_BINARY (op) ?
        &g_array_index (p->nodes, SdExprInsn, b) : NULL;
      gboolean a_const = na->op == SD_EXPR_OP_CONST;
      gboolean b_const = nb == NULL || nb->op == SD_EXPR_OP_CONST;

      if (a_const && b_const)
        {
          /* Fold: computed exactly as the evaluators would. */
          node.k = sd_expr_op_value (op, k, na->k, nb != NULL ? nb->k : 0.0);
          node.op = SD_EXPR_OP_CONST;
          node.a = node.b = 0;
        }
      else if (op == SD_EXPR_OP_POW && b_const)
        {
          /* PyTorch differentiates x ** 2 (a number as exponent) by other
           * rules than x ** y, and so does Saddle. */
          node.op = SD_EXPR_OP_POWK;
          node.k = nb->k;
          node.b = 0;
        }
      else if (op == SD_EXPR_OP_POW && a_const)
        {
          node.op = SD_EXPR_OP_KPOW;
          node.k = na->k;
          node.a = b;
          node.b = 0;
        }
    }

  g_array_append_val (p->nodes, node);
  return p->nodes->len - 1;
}

static gboolean
enter (Parser      *p,
       const Token *token)
{
  if (p->depth >= SD_EXPR_MAX_DEPTH)
    {
      fail (p, token->start, g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: %d is the deepest nesting
                                           * allowed, counted in parentheses,
                                           * function calls, signs and powers */
                                          "expression nests deeper than %d level",
                                          "expression nests deeper than %d levels",
                                          SD_EXPR_MAX_DEPTH),
            SD_EXPR_MAX_DEPTH);
      return FALSE;
    }

  p->depth++;
  return TRUE;
}

static guint
parse_call (Parser         *p,
            const Token    *name,
            const Function *function)
{
  guint args[2] = { 0, 0 };
  guint n_args = 0;
  Token open = p->token;

  if (!enter (p, &open))
    return 0;
  next_token (p);

  if (p->token.type != TOKEN_RPAREN)
    {
      for (;;)
        {
          guint arg = parse_sum (p);

          if (p->error != NULL)
            return 0;
          if (n_args < G_N_ELEMENTS (args))
            args[n_args] = arg;
          n_args++;

          if (p->token.type != TOKEN_COMMA)
            break;
          next_token (p);
        }
    }

  if (p->token.type != TOKEN_RPAREN)
    {
      fail_unexpected (p, &p->token);
      return 0;
    }
  next_token (p);
  p->depth--;

  if (n_args != function->n_args)
    {
      fail (p, name->start, g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: %s is a function of the
                                          * expression language, such as atan2,
                                          * keep it as it is; the numbers are how
                                          * many arguments it takes and how many
                                          * it was given */
                                         "'%s' takes %u argument, got %u",
                                         "'%s' takes %u arguments, got %u",
                                         function->n_args),
            function->name, function->n_args, n_args);
      return 0;
    }

  return add_node (p, function->op, args[0], args[1], 0.0);
}

static guint
parse_name (Parser *p)
{
  Token name = p->token;

  next_token (p);

  if (p->token.type == TOKEN_LPAREN)
    {
      for (guint i = 0; i < G_N_ELEMENTS (functions); i++)
        if (token_is (&name, functions[i].name))
          return parse_call (p, &name, &functions[i]);

      /* Translators: %.*s is the function name as typed */
      fail (p, name.start, _("unknown function '%.*s'"), (int) name.length, name.start);
      return 0;
    }

  if (token_is (&name, "x"))
    return add_node (p, SD_EXPR_OP_X, 0, 0, 0.0);
  if (token_is (&name, "y"))
    return add_node (p, SD_EXPR_OP_Y, 0, 0, 0.0);
  if (token_is (&name, "pi"))
    return add_node (p, SD_EXPR_OP_CONST, 0, 0, G_PI);
  if (token_is (&name, "e"))
    return add_node (p, SD_EXPR_OP_CONST, 0, 0, G_E);

  for (guint i = 0; i < G_N_ELEMENTS (functions); i++)
    if (token_is (&name, functions[i].name))
      {
        /* Translators: %s is a function of the expression language, such
         * as sin; keep it as it is */
        fail (p, p->token.start, _("expected '(' after '%s'"), functions[i].name);
        return 0;
      }

  /* Translators: %.*s is the name as typed; an expression knows the
   * variables x and y and the constants pi and e */
  fail (p, name.start, _("unknown variable '%.*s'"), (int) name.length, name.start);
  return 0;
}

static guint
parse_primary (Parser *p)
{
  Token token = p->token;
  guint node;

  switch (token.type)
    {
    case TOKEN_NUMBER:
      if (!isfinite (token.number))
        {
          /* Translators: %.*s is the number as typed */
          fail (p, token.start, _("number '%.*s' is too large"),
                (int) token.length, token.start);
          return 0;
        }
      next_token (p);
      return add_node (p, SD_EXPR_OP_CONST, 0, 0, token.number);

    case TOKEN_NAME:
      return parse_name (p);

    case TOKEN_LPAREN:
      if (!enter (p, &token))
        return 0;
      next_token (p);
      node = parse_sum (p);
      if (p->error != NULL)
        return 0;
      if (p->token.type != TOKEN_RPAREN)
        {
          fail_unexpected (p, &p->token);
          return 0;
        }
      next_token (p);
      p->depth--;
      return node;

    case TOKEN_END:
    case TOKEN_PLUS:
    case TOKEN_MINUS:
    case TOKEN_STAR:
    case TOKEN_SLASH:
    case TOKEN_CARET:
    case TOKEN_RPAREN:
    case TOKEN_COMMA:
    case TOKEN_INVALID:
    default:
      fail_unexpected (p, &token);
      return 0;
    }
}

static guint parse_unary (Parser *p);

/* Parses the operand that follows the prefix or infix operator @op, the
 * current token, one level of nesting deeper. */
static guint
parse_operand_of (Parser      *p,
                  const Token *op)
{
  guint operand;

  if (!enter (p, op))
    return 0;
  next_token (p);
  operand = parse_unary (p);
  if (p->error != NULL)
    return 0;
  p->depth--;

  return operand;
}

static guint
parse_power (Parser *p)
{
  guint base = parse_primary (p);
  guint exponent;
  Token caret = p->token;

  if (p->error != NULL || caret.type != TOKEN_CARET)
    return base;

  exponent = parse_operand_of (p, &caret);
  if (p->error != NULL)
    return 0;

  return add_node (p, SD_EXPR_OP_POW, base, exponent, 0.0);
}

static guint
parse_unary (Parser *p)
{
  Token sign = p->token;
  guint operand;

  if (sign.type != TOKEN_PLUS && sign.type != TOKEN_MINUS)
    return parse_power (p);

  operand = parse_operand_of (p, &sign);
  if (p->error != NULL)
    return 0;

  if (sign.type == TOKEN_PLUS)
    return operand;

  return add_node (p, SD_EXPR_OP_NEG, operand, 0, 0.0);
}

/* A level of left-associative binary operators of equal precedence: the
 * two operators, their tokens, and what their operands are. */
typedef struct
{
  TokenType   tokens[2];
  SdExprOp    ops[2];
  guint     (*parse_operand) (Parser *p);
} Level;

/* operand (op operand)*, folded from the left: a - b - c is (a - b) - c. */
static guint
parse_level (Parser      *p,
             const Level *level)
{
  guint left = level->parse_operand (p);

  while (p->error == NULL &&
         (p->token.type == level->tokens[0] || p->token.type == level->tokens[1]))
    {
      SdExprOp op = level->ops[p->token.type == level->tokens[0] ? 0 : 1];
      guint right;

      next_token (p);
      right = level->parse_operand (p);
      if (p->error != NULL)
        return 0;
      left = add_node (p, op, left, right, 0.0);
    }

  return left;
}

static const Level products = {
  { TOKEN_STAR, TOKEN_SLASH }, { SD_EXPR_OP_MUL, SD_EXPR_OP_DIV }, parse_unary
};

static guint
parse_product (Parser *p)
{
  return parse_level (p, &products);
}

static const Level sums = {
  { TOKEN_PLUS, TOKEN_MINUS }, { SD_EXPR_OP_ADD, SD_EXPR_OP_SUB }, parse_product
};

static guint
parse_sum (Parser *p)
{
  return parse_level (p, &sums);
}

static gboolean
check_text (const char  *text,
            guint       *out_error_column,
            GError     **error)
{
  const char *end;
  const char *s;

  if (!g_utf8_validate (text, -1, &end))
    {
      guint column = (guint) g_utf8_pointer_to_offset (text, end) + 1;

      *out_error_column = column;
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_PARSE,
                   /* Translators: %u is a column, counted in characters from 1 */
                   _("invalid UTF-8 at column %u"), column);
      return FALSE;
    }

  if (g_utf8_strlen (text, -1) > SD_EXPR_MAX_LENGTH)
    {
      *out_error_column = SD_EXPR_MAX_LENGTH + 1;
      g_set_error (error, SD_CORE_ERROR, SD_CORE_ERROR_PARSE,
                   g_dngettext (GETTEXT_PACKAGE,
                                /* Translators: %d is the longest expression allowed */
                                "expression is longer than %d character",
                                "expression is longer than %d characters",
                                SD_EXPR_MAX_LENGTH),
                   SD_EXPR_MAX_LENGTH);
      return FALSE;
    }

  for (s = text; *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'; s++)
    ;
  if (*s == '\0')
    {
      *out_error_column = 1;
      g_set_error_literal (error, SD_CORE_ERROR, SD_CORE_ERROR_PARSE, _("empty expression"));
      return FALSE;
    }

  return TRUE;
}

/*
 * sd_expr_parse_tree:
 * @text: the expression
 * @out_error_column: (out): on error, the 1-based column it points at
 * @error: a #GError for SD_CORE_ERROR_PARSE
 *
 * Returns: (transfer full) (nullable): the nodes (#SdExprInsn with only op,
 *   a, b and k set), the root last
 */
GArray *
sd_expr_parse_tree (const char  *text,
                    guint       *out_error_column,
                    GError     **error)
{
  Parser p = { .text = text, .pos = text };
  guint root;

  *out_error_column = 0;
  if (!check_text (text, out_error_column, error))
    return NULL;

  p.nodes = g_array_new (FALSE, FALSE, sizeof (SdExprInsn));
  next_token (&p);
  root = parse_sum (&p);

  if (p.error == NULL && p.token.type != TOKEN_END)
    fail_unexpected (&p, &p.token);

  if (p.error != NULL)
    {
      *out_error_column = p.error_column;
      g_propagate_error (error, p.error);
      g_array_unref (p.nodes);
      return NULL;
    }

  /* Trailing folded-away nodes cannot follow the root, which comes last. */
  g_assert (root == p.nodes->len - 1);
  return p.nodes;
}
