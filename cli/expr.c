/* cli/expr.c — see expr.h. A recursive-descent parser into a tree whose
 * nodes keep the span of text they came from, for explanations. */
#include "cli/expr.h"

#include <inttypes.h>
#include <string.h>

G_DEFINE_QUARK(cli-expr-error-quark, cli_expr_error)

typedef enum Kind {
    K_NUM,                       /* num */
    K_REG,                       /* reg, bits (32 for wN) */
    K_LOAD,                      /* size bytes at a */
    K_CAST,                      /* a truncated to size bytes */
    K_UNARY,                     /* op a */
    K_BINARY,                    /* a op b */
} Kind;

/* Operators: the characters themselves, or these for two-character ones. */
enum { OP_OR = 256, OP_AND, OP_EQ, OP_NE, OP_LE, OP_GE, OP_SHL, OP_SHR };

typedef struct Node {
    Kind kind;
    int op;
    unsigned size;               /* K_LOAD, K_CAST: bytes */
    unsigned bits;               /* K_REG: 64, or 32 for wN */
    uint64_t num;
    char reg[8];                 /* K_REG: the canonical name (expr.h), "" for xzr */
    struct Node *a, *b;
    size_t start, end;           /* the text it came from */
} Node;

struct CliExpr {
    char *text;
    Node *root;
};

typedef struct Parser {
    const char *s;
    size_t pos;
    GError **err;
    bool failed;
} Parser;

static void node_free(Node *n)
{
    if (!n)
        return;
    node_free(n->a);
    node_free(n->b);
    g_free(n);
}

static Node *node_new(Kind kind, size_t start)
{
    Node *n = g_new0(Node, 1);
    n->kind = kind;
    n->start = start;
    return n;
}

static bool fail_at(Parser *p, size_t pos, const char *fmt, ...) G_GNUC_PRINTF(3, 4);
static bool fail_at(Parser *p, size_t pos, const char *fmt, ...)
{
    if (p->failed)
        return false;
    va_list ap;
    va_start(ap, fmt);
    g_autofree char *msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_set_error(p->err, CLI_EXPR_ERROR, CLI_EXPR_ERROR_SYNTAX, "%s at column %zu", msg, pos + 1);
    p->failed = true;
    return false;
}

static void skip_space(Parser *p)
{
    while (p->s[p->pos] == ' ' || p->s[p->pos] == '\t')
        p->pos++;
}

/* The operator at the cursor, with its length; 0 if none. */
static int peek_op(Parser *p, size_t *len)
{
    skip_space(p);
    static const struct { const char *text; int op; } two[] = {
        { "||", OP_OR }, { "&&", OP_AND }, { "==", OP_EQ }, { "!=", OP_NE },
        { "<=", OP_LE }, { ">=", OP_GE }, { "<<", OP_SHL }, { ">>", OP_SHR },
    };
    const char *c = p->s + p->pos;
    for (size_t i = 0; i < G_N_ELEMENTS(two); i++)
        if (!strncmp(c, two[i].text, 2)) {
            *len = 2;
            return two[i].op;
        }
    if (*c && strchr("|&^<>+-*/%!~()", *c)) {
        *len = 1;
        return *c;
    }
    *len = 0;
    return 0;
}

static bool accept(Parser *p, int op)
{
    size_t len;
    if (peek_op(p, &len) != op)
        return false;
    p->pos += len;
    return true;
}

static const char *op_text(int op)
{
    switch (op) {
    case OP_OR: return "||";
    case OP_AND: return "&&";
    case OP_EQ: return "==";
    case OP_NE: return "!=";
    case OP_LE: return "<=";
    case OP_GE: return ">=";
    case OP_SHL: return "<<";
    case OP_SHR: return ">>";
    default: {
        static const char ops[] = "|&^<>+-*/%!~";
        const char *c = strchr(ops, op);
        static const char *const texts[] = { "|", "&", "^", "<", ">", "+", "-", "*", "/", "%",
                                             "!", "~" };
        return c && op ? texts[c - ops] : "?";
    }
    }
}

static bool is_ident(char c) { return g_ascii_isalnum(c) || c == '_'; }

/* The identifier at the cursor (not consumed), g_free'd by the caller. */
static char *peek_ident(Parser *p)
{
    skip_space(p);
    size_t e = p->pos;
    if (!g_ascii_isalpha(p->s[e]) && p->s[e] != '_')
        return NULL;
    while (is_ident(p->s[e]))
        e++;
    return g_strndup(p->s + p->pos, e - p->pos);
}

/* u8, u16, u32, u64: the size in bytes; 0 for anything else. */
static unsigned type_size(const char *name)
{
    if (!name)
        return 0;
    if (!strcmp(name, "u8"))
        return 1;
    if (!strcmp(name, "u16"))
        return 2;
    if (!strcmp(name, "u32"))
        return 4;
    if (!strcmp(name, "u64"))
        return 8;
    return 0;
}

/* Whether a type name follows the cursor, as in "(u32" or "(u32*": the
 * size, with the cursor left after the name. */
static unsigned accept_type(Parser *p)
{
    g_autofree char *id = peek_ident(p);
    unsigned size = type_size(id);
    if (size)
        p->pos += strlen(id);
    return size;
}

/* A register name into its canonical form (expr.h) and width; false if
 * `name` is none. */
static bool register_name(const char *name, char canon[8], unsigned *bits)
{
    *bits = 64;
    static const char *const plain[] = { "sp", "pc", "cpsr", "fpsr", "fpcr", "icount" };
    for (size_t i = 0; i < G_N_ELEMENTS(plain); i++)
        if (!strcmp(name, plain[i])) {
            g_strlcpy(canon, name, 8);
            return true;
        }
    if (!strcmp(name, "pstate")) {
        g_strlcpy(canon, "cpsr", 8);
        return true;
    }
    if (!strcmp(name, "lr") || !strcmp(name, "fp")) {
        g_strlcpy(canon, name[0] == 'l' ? "x30" : "x29", 8);
        return true;
    }
    if (!strcmp(name, "xzr") || !strcmp(name, "wzr")) {
        canon[0] = 0;
        *bits = name[0] == 'w' ? 32 : 64;
        return true;
    }
    if ((name[0] == 'x' || name[0] == 'w') && g_ascii_isdigit(name[1])) {
        char *end;
        guint64 n = g_ascii_strtoull(name + 1, &end, 10);
        if (*end || n > 30 || (name[1] == '0' && name[2]))
            return false;
        g_snprintf(canon, 8, "x%u", (unsigned)n);
        *bits = name[0] == 'w' ? 32 : 64;
        return true;
    }
    return false;
}

static Node *parse_expr(Parser *p);

static Node *parse_primary(Parser *p)
{
    skip_space(p);
    size_t start = p->pos;
    const char *c = p->s + p->pos;
    if (accept(p, '(')) {
        Node *n = parse_expr(p);
        if (n && !accept(p, ')')) {
            fail_at(p, p->pos, "missing ')'");
            node_free(n);
            return NULL;
        }
        if (n) {
            n->start = start;
            n->end = p->pos;
        }
        return n;
    }
    if (g_ascii_isdigit(*c)) {
        int base = 10;
        size_t skip = 0;
        if (c[0] == '0' && (c[1] == 'x' || c[1] == 'X'))
            base = 16, skip = 2;
        else if (c[0] == '0' && (c[1] == 'b' || c[1] == 'B'))
            base = 2, skip = 2;
        size_t e = skip;
        uint64_t v = 0;
        bool overflow = false;
        while (g_ascii_isxdigit(c[e])) {
            int d = g_ascii_xdigit_value(c[e]);
            if (d >= base)
                break;
            if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base)
                overflow = true;
            v = v * (uint64_t)base + (uint64_t)d;
            e++;
        }
        if (e == skip || is_ident(c[e])) {
            fail_at(p, start, "\"%.*s\" is not a number", (int)(e + (is_ident(c[e]) ? 1 : 0)),
                    c);
            return NULL;
        }
        if (overflow) {
            fail_at(p, start, "%.*s does not fit in 64 bits", (int)e, c);
            return NULL;
        }
        Node *n = node_new(K_NUM, start);
        n->num = v;
        p->pos += e;
        n->end = p->pos;
        return n;
    }
    g_autofree char *id = peek_ident(p);
    if (id) {
        Node *n = node_new(K_REG, start);
        if (!register_name(id, n->reg, &n->bits)) {
            node_free(n);
            if (!p->failed)
                g_set_error(p->err, CLI_EXPR_ERROR, CLI_EXPR_ERROR_REGISTER,
                            "no register \"%s\" (x0-x30, w0-w30, sp, pc, lr, fp, xzr, cpsr, "
                            "fpsr, fpcr, icount)", id);
            p->failed = true;
            return NULL;
        }
        p->pos += strlen(id);
        n->end = p->pos;
        return n;
    }
    if (!*c)
        fail_at(p, start, "an operand is missing");
    else
        fail_at(p, start, "unexpected \"%c\"", *c);
    return NULL;
}

static Node *parse_unary(Parser *p)
{
    skip_space(p);
    size_t start = p->pos;
    size_t len;
    int op = peek_op(p, &len);
    if (op == '!' || op == '~' || op == '-') {
        p->pos += len;
        Node *a = parse_unary(p);
        if (!a)
            return NULL;
        Node *n = node_new(K_UNARY, start);
        n->op = op;
        n->a = a;
        n->end = a->end;
        return n;
    }
    if (op == '*') {
        p->pos += len;
        unsigned size = 8;
        size_t save = p->pos;
        /* "*(TYPE*)": a typed load; otherwise "*(" opens an address. */
        if (accept(p, '(')) {
            unsigned s = accept_type(p);
            if (s) {
                if (!accept(p, '*') || !accept(p, ')')) {
                    fail_at(p, p->pos, "a load is written *(u8*), *(u16*), *(u32*) or *(u64*)");
                    return NULL;
                }
                size = s;
            } else {
                p->pos = save;
            }
        }
        Node *a = parse_unary(p);
        if (!a)
            return NULL;
        Node *n = node_new(K_LOAD, start);
        n->size = size;
        n->a = a;
        n->end = a->end;
        return n;
    }
    if (op == '(') {
        size_t save = p->pos;
        p->pos += len;
        unsigned size = accept_type(p);
        if (size) {
            if (!accept(p, ')')) {
                fail_at(p, p->pos, "missing ')' after the type");
                return NULL;
            }
            Node *a = parse_unary(p);
            if (!a)
                return NULL;
            Node *n = node_new(K_CAST, start);
            n->size = size;
            n->a = a;
            n->end = a->end;
            return n;
        }
        p->pos = save;
    }
    return parse_primary(p);
}

/* Binary levels, loosest first; each lists its operators (0-terminated). */
static const int levels[][5] = {
    { OP_OR }, { OP_AND }, { '|' }, { '^' }, { '&' }, { OP_EQ, OP_NE },
    { '<', OP_LE, '>', OP_GE }, { OP_SHL, OP_SHR }, { '+', '-' }, { '*', '/', '%' },
};

static Node *parse_level(Parser *p, size_t level)
{
    if (level == G_N_ELEMENTS(levels))
        return parse_unary(p);
    Node *a = parse_level(p, level + 1);
    while (a) {
        size_t len;
        int op = peek_op(p, &len), found = 0;
        for (const int *o = levels[level]; *o; o++)
            found |= *o == op;
        if (!found)
            break;
        p->pos += len;
        Node *b = parse_level(p, level + 1);
        if (!b) {
            node_free(a);
            return NULL;
        }
        Node *n = node_new(K_BINARY, a->start);
        n->op = op;
        n->a = a;
        n->b = b;
        n->end = b->end;
        a = n;
    }
    return a;
}

static Node *parse_expr(Parser *p) { return parse_level(p, 0); }

CliExpr *cli_expr_parse(const char *text, GError **err)
{
    Parser p = { .s = text, .err = err };
    Node *root = parse_expr(&p);
    skip_space(&p);
    if (root && text[p.pos]) {
        fail_at(&p, p.pos, "unexpected \"%s\"", text + p.pos);
        node_free(root);
        root = NULL;
    }
    if (!root) {
        if (!p.failed)
            fail_at(&p, p.pos, "not an expression");
        return NULL;
    }
    CliExpr *e = g_new0(CliExpr, 1);
    e->text = g_strdup(text);
    e->root = root;
    return e;
}

void cli_expr_free(CliExpr *e)
{
    if (!e)
        return;
    node_free(e->root);
    g_free(e->text);
    g_free(e);
}

const char *cli_expr_text(const CliExpr *e) { return e->text; }

/* ---- Evaluation ---------------------------------------------------------- */

static uint64_t narrow(uint64_t v, unsigned size)
{
    return size >= 8 ? v : v & ((1ull << (size * 8)) - 1);
}

static bool eval(const CliExpr *e, const Node *n, const CliExprEnv *env, uint64_t *v,
                 GError **err)
{
    uint64_t a, b;
    switch (n->kind) {
    case K_NUM:
        *v = n->num;
        return true;
    case K_REG:
        *v = n->reg[0] ? env->reg(env->opaque, n->reg) : 0;
        if (n->bits == 32)
            *v &= 0xffffffffu;
        return true;
    case K_LOAD:
        if (!eval(e, n->a, env, &a, err))
            return false;
        if (!env->mem(env->opaque, a, n->size, v)) {
            g_set_error(err, CLI_EXPR_ERROR, CLI_EXPR_ERROR_EVAL, "cannot read %u byte%s at "
                        "0x%" PRIx64 " (%.*s)", n->size, n->size > 1 ? "s" : "", a,
                        (int)(n->end - n->start), e->text + n->start);
            return false;
        }
        *v = narrow(*v, n->size);
        return true;
    case K_CAST:
        if (!eval(e, n->a, env, &a, err))
            return false;
        *v = narrow(a, n->size);
        return true;
    case K_UNARY:
        if (!eval(e, n->a, env, &a, err))
            return false;
        *v = n->op == '!' ? !a : n->op == '~' ? ~a : (uint64_t)0 - a;
        return true;
    case K_BINARY:
        if (!eval(e, n->a, env, &a, err))
            return false;
        if (n->op == OP_AND && !a) {
            *v = 0;
            return true;
        }
        if (n->op == OP_OR && a) {
            *v = 1;
            return true;
        }
        if (!eval(e, n->b, env, &b, err))
            return false;
        switch (n->op) {
        case OP_AND: case OP_OR: *v = b != 0; break;
        case '|': *v = a | b; break;
        case '^': *v = a ^ b; break;
        case '&': *v = a & b; break;
        case OP_EQ: *v = a == b; break;
        case OP_NE: *v = a != b; break;
        case '<': *v = a < b; break;
        case OP_LE: *v = a <= b; break;
        case '>': *v = a > b; break;
        case OP_GE: *v = a >= b; break;
        case OP_SHL: *v = b >= 64 ? 0 : a << b; break;
        case OP_SHR: *v = b >= 64 ? 0 : a >> b; break;
        case '+': *v = a + b; break;
        case '-': *v = a - b; break;
        case '*': *v = a * b; break;
        case '/':
        case '%':
            if (!b) {
                g_set_error(err, CLI_EXPR_ERROR, CLI_EXPR_ERROR_EVAL, "division by zero in %.*s",
                            (int)(n->end - n->start), e->text + n->start);
                return false;
            }
            *v = n->op == '/' ? a / b : a % b;
            break;
        default:
            g_assert_not_reached();
        }
        return true;
    }
    g_assert_not_reached();
}

bool cli_expr_eval(const CliExpr *e, const CliExprEnv *env, uint64_t *value, GError **err)
{
    return eval(e, e->root, env, value, err);
}

/* ---- Explanation --------------------------------------------------------- */

static bool is_comparison(int op)
{
    return op == OP_EQ || op == OP_NE || op == '<' || op == OP_LE || op == '>' || op == OP_GE;
}

/* Whether a node shows in decimal: the icount, or something of it. */
static bool decimal(const Node *n)
{
    if (n->kind == K_REG)
        return !strcmp(n->reg, "icount");
    if (n->kind == K_BINARY && (n->op == '+' || n->op == '-'))
        return decimal(n->a) || decimal(n->b);
    return false;
}

static void append_value(GString *out, const CliExpr *e, const Node *n, const CliExprEnv *env,
                         bool dec)
{
    uint64_t v;
    GError *err = NULL;
    if (!eval(e, n, env, &v, &err)) {
        g_string_append_printf(out, "? (%s)", err->message);
        g_error_free(err);
    } else if (dec) {
        g_string_append_printf(out, "%" PRIu64, v);
    } else {
        g_string_append_printf(out, "0x%" PRIx64, v);
    }
}

static void append_text(GString *out, const CliExpr *e, const Node *n)
{
    g_string_append_len(out, e->text + n->start, (gssize)(n->end - n->start));
}

/* The registers and loads under `n` (a load, and then what its address
 * is made of), in the order of the text. */
static void collect_leaves(const Node *n, GPtrArray *leaves)
{
    if (n->kind == K_REG || n->kind == K_LOAD) {
        g_ptr_array_add(leaves, (gpointer)n);
        if (n->kind == K_REG)
            return;
    }
    if (n->a)
        collect_leaves(n->a, leaves);
    if (n->b)
        collect_leaves(n->b, leaves);
}

/* The registers and loads `n` is made of, other than itself: " (x0 =
 * 0x1229, ...)", each text once; nothing for a register or a number. */
static void append_leaves(GString *out, const CliExpr *e, const Node *n, const CliExprEnv *env)
{
    if (n->kind == K_REG || n->kind == K_NUM)
        return;
    GPtrArray *leaves = g_ptr_array_new();
    collect_leaves(n, leaves);
    GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    bool any = false;
    for (guint i = 0; i < leaves->len; i++) {
        const Node *l = g_ptr_array_index(leaves, i);
        if (l == n)
            continue;
        char *t = g_strndup(e->text + l->start, l->end - l->start);
        if (!g_hash_table_add(seen, t))
            continue;
        g_string_append(out, any ? ", " : " (");
        append_text(out, e, l);
        g_string_append(out, " = ");
        append_value(out, e, l, env, decimal(l));
        any = true;
    }
    if (any)
        g_string_append_c(out, ')');
    g_hash_table_unref(seen);
    g_ptr_array_unref(leaves);
}

/* `n` is false: say why. */
static void explain(GString *out, const CliExpr *e, const Node *n, const CliExprEnv *env)
{
    if (n->kind == K_BINARY && n->op == OP_AND) {
        uint64_t a;
        GError *err = NULL;
        bool ok = eval(e, n->a, env, &a, &err);
        g_clear_error(&err);
        explain(out, e, ok && a ? n->b : n->a, env);
        return;
    }
    if (n->kind == K_BINARY && n->op == OP_OR) {
        explain(out, e, n->a, env);
        g_string_append(out, "; ");
        explain(out, e, n->b, env);
        return;
    }
    if (n->kind == K_BINARY && is_comparison(n->op)) {
        bool dec = decimal(n->a) || decimal(n->b);
        append_text(out, e, n->a);
        g_string_append(out, " = ");
        append_value(out, e, n->a, env, dec);
        append_leaves(out, e, n->a, env);
        g_string_append_printf(out, ", expected %s ", op_text(n->op));
        append_value(out, e, n->b, env, dec);
        if (n->b->kind != K_NUM) {
            g_string_append(out, " (");
            append_text(out, e, n->b);
            g_string_append_c(out, ')');
            append_leaves(out, e, n->b, env);
        }
        return;
    }
    if (n->kind == K_UNARY && n->op == '!') {
        append_text(out, e, n->a);
        g_string_append(out, " = ");
        append_value(out, e, n->a, env, decimal(n->a));
        append_leaves(out, e, n->a, env);
        g_string_append(out, ", expected 0");
        return;
    }
    append_text(out, e, n);
    g_string_append(out, " = ");
    append_value(out, e, n, env, decimal(n));
    append_leaves(out, e, n, env);
    g_string_append(out, ", expected non-zero");
}

char *cli_expr_explain(const CliExpr *e, const CliExprEnv *env)
{
    GString *out = g_string_new(NULL);
    explain(out, e, e->root, env);
    return g_string_free(out, false);
}
