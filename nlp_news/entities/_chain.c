/*
 * _chain: compiled kernels for the entity tagger's inference.
 *
 * The reference implementation is the numpy code in crf.py; these functions
 * compute exactly the same float32 sums in the same order, so they return the
 * same emission scores bit for bit and the same Viterbi tags,
 *
 *   emissions(W, table, ids, out)
 *       out[r, :] = sum over f of W[table[ids[f, r]], :]   (float32, f in order);
 *       W may be float16 (converted exactly, then the same float32 sums) when
 *       the CPU has F16C (module constant F16C): half the memory to gather
 *   emissions_hashed(W, table, parts, spec, seeds, mul, shift, out)
 *       the same with ids[f, r] hashed from parts row block by row block, as
 *       features.FeatureParts.ids does (uint64 xor and multiply, top bits),
 *       so the (templates, n) ids are never stored whole
 *   viterbi(em, real, trans, start, targets, pairs, margin, tags[, col0])
 *       BIO-structured Viterbi over the undecided runs of em, as
 *       ChainTagger.decode (margin pre-filter, start/end transitions,
 *       ties to the lower tag index); fills tags (int64, O = 0). When no
 *       score is NaN or infinite (checked per call) its maxima take a faster
 *       order-free path (8-lane AVX where the CPU has it and there are at most
 *       16 O/B- targets); they differ at most in the sign of a zero, which
 *       no comparison sees, so the tags are the same. With col0, em is a
 *       wider array and the tags' columns start at col0 (read in place).
 *
 * and the featurisation's per-character loops (features.py holds the numpy
 * reference of each; they give the same integers):
 *
 *   index_get(...)       features.HashIndex.get, one probe sequence per hash
 *   gazetteer(...)       features.gazetteer_codes, running hashes per place
 *   word_spans(...)      each word's start, end and features.word_hashes
 *   feature_parts(...)   features.feature_parts' parts of every padded row
 *
 * Only the CPython C API and the buffer protocol are used (no numpy headers).
 * The Python wrappers in crf.py validate dtypes and shapes before calling;
 * every function checks them again here (format, itemsize, ndim, shape,
 * C-contiguity) and checks every index before it reads through it.
 * The loops run without the GIL.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

/* Same sums as numpy only with plain IEEE float32 arithmetic: refuse to build
   otherwise (the extension is optional: numpy runs instead). */
#if defined(__FAST_MATH__)
#error "_chain must not be built with -ffast-math (it would change the float32 sums)"
#endif
#if defined(FLT_EVAL_METHOD) && FLT_EVAL_METHOD != 0
#error "_chain needs float32 arithmetic without extended precision (FLT_EVAL_METHOD 0)"
#endif

/*
 * GCC and clang vector extensions: four float32 lanes, the same IEEE additions
 * and comparisons as scalar code, four at a time (no FMA, no reassociation, so
 * the sums stay those of numpy). Other compilers get the scalar loops.
 */
#if defined(__GNUC__) || defined(__clang__)
#define LANES 4
typedef float v4f __attribute__((vector_size(16)));
typedef int32_t v4i __attribute__((vector_size(16)));
#define PREFETCH(p) __builtin_prefetch(p)

static inline v4f
load4(const float *p)
{
    v4f v;
    memcpy(&v, p, sizeof(v));
    return v;
}

static inline void
store4(float *p, v4f v)
{
    memcpy(p, &v, sizeof(v));
}

/* The larger lane by lane, for scores known not to be NaN. */
static inline v4f
max4(v4f a, v4f b)
{
    v4i keep_a = a >= b;
    return (v4f)(((v4i)a & keep_a) | ((v4i)b & ~keep_a));
}

/* np.maximum lane by lane: NaN wins, ties keep a. */
static inline v4f
max4_nan(v4f a, v4f b)
{
    v4i keep_a = (a >= b) | (a != a);
    return (v4f)(((v4i)a & keep_a) | ((v4i)b & ~keep_a));
}
#else
#define LANES 0
#define PREFETCH(p) ((void)(p))
#endif

/* float16 weights: x86 with F16C (checked at run time) and AVX for the 8-lane sums. */
#if (defined(__GNUC__) || defined(__clang__)) && (defined(__x86_64__) || defined(__i386__))
#define HAVE_F16C_BUILD 1
#include <immintrin.h>
#else
#define HAVE_F16C_BUILD 0
#endif

#ifndef CHAIN_SOURCE_SHA256
#define CHAIN_SOURCE_SHA256 "unknown"
#endif

/* ------------------------------------------------------------------ buffers */

/* The type character of a buffer format ("<f", "=i", "l" -> 'f', 'i', 'l'). */
static char
format_char(const Py_buffer *b)
{
    const char *f = b->format ? b->format : "B";
    if (*f == '>' || *f == '!') {
        return '\0'; /* big-endian: never accepted */
    }
    if (*f == '<' || *f == '=' || *f == '@') {
        f++;
    }
    if (f[0] == '\0' || f[1] != '\0') {
        return '\0'; /* structured or empty format */
    }
    return f[0];
}

/* kinds of element a buffer may hold */
enum kind { K_F32, K_F16, K_I16, K_I32, K_I64, K_U64, K_BOOL };

static int
kind_ok(const Py_buffer *b, enum kind k)
{
    char c = format_char(b);
    switch (k) {
    case K_F32:
        return c == 'f' && b->itemsize == 4;
    case K_F16:
        return c == 'e' && b->itemsize == 2;
    case K_I16:
        return c == 'h' && b->itemsize == 2;
    case K_I32:
        return (c == 'i' || c == 'l') && b->itemsize == 4;
    case K_I64:
        return (c == 'l' || c == 'q') && b->itemsize == 8;
    case K_U64:
        return (c == 'L' || c == 'Q') && b->itemsize == 8;
    case K_BOOL:
        return (c == '?' || c == 'B' || c == 'b') && b->itemsize == 1;
    }
    return 0;
}

static const char *
kind_name(enum kind k)
{
    switch (k) {
    case K_F32:
        return "float32";
    case K_F16:
        return "float16";
    case K_I16:
        return "int16";
    case K_I32:
        return "int32";
    case K_I64:
        return "int64";
    case K_U64:
        return "uint64";
    case K_BOOL:
        return "bool";
    }
    return "?";
}

/*
 * Get a C-contiguous buffer of `ndim` dimensions holding `k` elements, or set
 * ValueError (naming the argument) and return -1. On success the caller must
 * PyBuffer_Release it.
 */
static int
get_buffer(PyObject *obj, Py_buffer *b, const char *name, enum kind k, int ndim, int writable)
{
    int flags = PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0);
    if (PyObject_GetBuffer(obj, b, flags) < 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_ValueError, "%s must be a C-contiguous%s %dD %s array", name,
                     writable ? " writable" : "", ndim, kind_name(k));
        return -1;
    }
    if (b->ndim != ndim || !kind_ok(b, k)) {
        PyErr_Format(PyExc_ValueError, "%s must be a %dD %s array (got %dD, format %s, itemsize %zd)", name,
                     ndim, kind_name(k), b->ndim, b->format ? b->format : "B", b->itemsize);
        PyBuffer_Release(b);
        return -1;
    }
    return 0;
}

static void
release_all(Py_buffer *bufs, int n)
{
    for (int i = 0; i < n; i++) {
        if (bufs[i].obj != NULL) {
            PyBuffer_Release(&bufs[i]);
        }
    }
}

/* A bad argument: ValueError with ``msg``, the first ``n`` buffers released; NULL for the caller to return. */
static PyObject *
bad_argument(Py_buffer *bufs, int n, const char *msg)
{
    PyErr_SetString(PyExc_ValueError, msg);
    release_all(bufs, n);
    return NULL;
}

/* ---------------------------------------------------------------- emissions */

/* Rows looked up per block (F * EM_BLOCK row numbers stay in the cache). */
#define EM_BLOCK 2048
/* Table entries this many ids ahead are prefetched while one is looked up. */
#define EM_TAHEAD 24

/* Where a lookup failed: the flat index into ids, and whether the id itself
   (outside the table) or its table entry (not a row of W) was bad. */
typedef struct {
    Py_ssize_t at;
    int bad_table;
} LookupError_;

/*
 * rows[f * EM_BLOCK + r] = table[ids[f, a + r]] for the m rows of a block,
 * checking every id against the table and every entry against the W rows.
 * Returns 0, or -1 with *err set.
 */
static int
lookup_block(const int32_t *table, Py_ssize_t N, Py_ssize_t R, const int64_t *ids, Py_ssize_t F, Py_ssize_t n,
             Py_ssize_t a, Py_ssize_t m, int32_t *rows, LookupError_ *err)
{
    for (Py_ssize_t f = 0; f < F; f++) {
        const int64_t *id = ids + f * n + a;
        int32_t *rw = rows + f * EM_BLOCK;
        for (Py_ssize_t r = 0; r < m; r++) {
            if (r + EM_TAHEAD < m && (uint64_t)id[r + EM_TAHEAD] < (uint64_t)N) {
                PREFETCH(table + id[r + EM_TAHEAD]); /* the table is larger than the cache */
            }
            if ((uint64_t)id[r] >= (uint64_t)N) {
                err->at = f * n + a + r;
                err->bad_table = 0;
                return -1;
            }
            int32_t v = table[id[r]];
            if ((uint32_t)v >= (uint64_t)R) {
                err->at = f * n + a + r;
                err->bad_table = 1;
                return -1;
            }
            rw[r] = v;
        }
    }
    return 0;
}

/*
 * lookup_block for hashed ids that cannot leave the table (hashed to fewer bits than its length,
 * see emissions_loop): the ids are not checked, and the prefetch reads ahead without a bound
 * (into the next template's ids, a previous block's or the buffer's zeroed tail, all ids of the
 * table). With it the emission sums of 200 articles of cnews-800 take 194 M instructions instead
 * of 226 M (callgrind, the entity stage).
 */
static int
lookup_block_inrange(const int32_t *table, Py_ssize_t R, const int64_t *ids, Py_ssize_t F, Py_ssize_t m,
                     int32_t *rows, LookupError_ *err)
{
    for (Py_ssize_t f = 0; f < F; f++) {
        const int64_t *id = ids + f * EM_BLOCK;
        int32_t *rw = rows + f * EM_BLOCK;
        for (Py_ssize_t r = 0; r < m; r++) {
            PREFETCH(table + id[r + EM_TAHEAD]); /* the table is larger than the cache */
            int32_t v = table[id[r]];
            if ((uint32_t)v >= (uint64_t)R) {
                err->at = f * EM_BLOCK + r;
                err->bad_table = 1;
                return -1;
            }
            rw[r] = v;
        }
    }
    return 0;
}

/* W rows this many output rows ahead are prefetched while one is added. */
#define EM_AHEAD 16
/* Output rows summed together: small enough to stay in the L1 cache. */
#define EM_SUB 256

/* o[0..C) += w[0..C) */
static inline void
add_row(float *o, const float *w, Py_ssize_t C)
{
    Py_ssize_t c = 0;
#if LANES
    for (; c + LANES <= C; c += LANES) {
        store4(o + c, load4(o + c) + load4(w + c));
    }
#endif
    for (; c < C; c++) {
        o[c] += w[c];
    }
}

/* The weights: float32, or float16 rows of a multiple of 8 columns (the F16C path). */
typedef struct {
    const void *p;
    Py_ssize_t R, C;
    int half;
} Weights;

/* Does this CPU convert float16 (F16C) and add 8 lanes (AVX)? Set at import. */
static int have_f16c = 0;

/* o[r, :] = W[rows[0, r]] + W[rows[1, r]] + ... for the m rows of one block (rows: F x EM_BLOCK). */
static void
sum_block32(const float *W, Py_ssize_t C, const int32_t *rows, Py_ssize_t F, Py_ssize_t m, float *o)
{
    for (Py_ssize_t s0 = 0; s0 < m; s0 += EM_SUB) {
        Py_ssize_t s1 = s0 + EM_SUB < m ? s0 + EM_SUB : m;
        for (Py_ssize_t f = 0; f < F; f++) {
            const int32_t *rw = rows + f * EM_BLOCK;
            for (Py_ssize_t r = s0; r < s1; r++) {
                if (r + EM_AHEAD < s1) {
                    PREFETCH(W + (Py_ssize_t)rw[r + EM_AHEAD] * C);
                }
                if (f == 0) {
                    memcpy(o + r * C, W + (Py_ssize_t)rw[r] * C, sizeof(float) * (size_t)C);
                }
                else {
                    add_row(o + r * C, W + (Py_ssize_t)rw[r] * C, C);
                }
            }
        }
    }
}

#if HAVE_F16C_BUILD
/* sum_block32 of float16 weights (C a multiple of 8): each converted exactly to float32,
   then the same float32 additions, 8 lanes at a time. Only called when have_f16c. The
   loop is sum_block32's: a function compiled for F16C and AVX cannot share an inlined
   row step with the portable one. */
__attribute__((target("f16c,avx"))) static void
sum_block16(const uint16_t *W, Py_ssize_t C, const int32_t *rows, Py_ssize_t F, Py_ssize_t m, float *o)
{
    for (Py_ssize_t s0 = 0; s0 < m; s0 += EM_SUB) {
        Py_ssize_t s1 = s0 + EM_SUB < m ? s0 + EM_SUB : m;
        for (Py_ssize_t f = 0; f < F; f++) {
            const int32_t *rw = rows + f * EM_BLOCK;
            for (Py_ssize_t r = s0; r < s1; r++) {
                if (r + EM_AHEAD < s1) {
                    PREFETCH(W + (Py_ssize_t)rw[r + EM_AHEAD] * C);
                }
                const uint16_t *w = W + (Py_ssize_t)rw[r] * C;
                float *out = o + r * C;
                for (Py_ssize_t c = 0; c < C; c += 8) {
                    __m256 v = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(w + c)));
                    _mm256_storeu_ps(out + c, f == 0 ? v : _mm256_add_ps(_mm256_loadu_ps(out + c), v));
                }
            }
        }
    }
}
#endif

#if HAVE_F16C_BUILD
/* Output rows ahead of the one summed whose W rows (one per template) are prefetched. */
#define EM_RAHEAD 2

/* The 8 float32 lanes of W row `row`, columns [8v, 8v + 8): float16 converted exactly. */
#define EM_LANES(W, C, row, v) _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)((W) + (Py_ssize_t)(row) * (C) + 8 * (v))))

/*
 * sum_block16 for NV * 8 columns (NV 1 to 4), row by row: each output row's sum stays in
 * registers over the templates and is stored once, instead of being loaded and stored once
 * per template. The same float32 additions in the same order (template 0 first), so the same
 * sums; 200 -> 100 M instructions for the emission sums of 200 articles of cnews-800 (the
 * shipped model's 28 columns, padded to 32). The W rows of all templates of the row
 * EM_RAHEAD ahead are prefetched.
 */
__attribute__((target("f16c,avx"), always_inline)) static inline void
sum_rows16_nv(const uint16_t *W, Py_ssize_t C, const int32_t *rows, Py_ssize_t F, Py_ssize_t m, float *o, const int NV)
{
    for (Py_ssize_t r = 0; r < m; r++) {
        if (r + EM_RAHEAD < m) {
            for (Py_ssize_t f = 0; f < F; f++) {
                PREFETCH(W + (Py_ssize_t)rows[f * EM_BLOCK + r + EM_RAHEAD] * C);
            }
        }
        __m256 acc[4];
        int32_t row = rows[r];
        for (int v = 0; v < NV; v++) {
            acc[v] = EM_LANES(W, C, row, v);
        }
        for (Py_ssize_t f = 1; f < F; f++) {
            row = rows[f * EM_BLOCK + r];
            for (int v = 0; v < NV; v++) {
                acc[v] = _mm256_add_ps(acc[v], EM_LANES(W, C, row, v));
            }
        }
        for (int v = 0; v < NV; v++) {
            _mm256_storeu_ps(o + r * C + 8 * v, acc[v]);
        }
    }
}

/* sum_rows16_nv for C of 8, 16, 24 or 32 columns, with NV a constant in each. */
__attribute__((target("f16c,avx"))) static void
sum_rows16(const uint16_t *W, Py_ssize_t C, const int32_t *rows, Py_ssize_t F, Py_ssize_t m, float *o)
{
    switch (C) {
    case 8:
        sum_rows16_nv(W, C, rows, F, m, o, 1);
        break;
    case 16:
        sum_rows16_nv(W, C, rows, F, m, o, 2);
        break;
    case 24:
        sum_rows16_nv(W, C, rows, F, m, o, 3);
        break;
    default:
        sum_rows16_nv(W, C, rows, F, m, o, 4);
        break;
    }
}
#endif

static void
sum_block(const Weights *w, const int32_t *rows, Py_ssize_t F, Py_ssize_t m, float *o)
{
#if HAVE_F16C_BUILD
    if (w->half) {
        if (w->C <= 32) { /* C is a multiple of 8 (get_weights) */
            sum_rows16(w->p, w->C, rows, F, m, o);
        }
        else {
            sum_block16(w->p, w->C, rows, F, m, o);
        }
        return;
    }
#endif
    sum_block32(w->p, w->C, rows, F, m, o);
}

/*
 * Get the weights buffer (float32, or float16 with F16C and a multiple of 8
 * columns) into *b and *w, or set ValueError and return -1.
 */
static int
get_weights(PyObject *obj, Py_buffer *b, Weights *w)
{
    if (PyObject_GetBuffer(obj, b, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0) {
        PyErr_Clear();
        PyErr_SetString(PyExc_ValueError, "W must be a C-contiguous 2D float32 or float16 array");
        return -1;
    }
    w->p = b->buf;
    w->half = kind_ok(b, K_F16);
    if (b->ndim != 2 || !(w->half || kind_ok(b, K_F32))) {
        PyErr_SetString(PyExc_ValueError, "W must be a 2D float32 or float16 array");
        PyBuffer_Release(b);
        return -1;
    }
    w->R = b->shape[0];
    w->C = b->shape[1];
    if (w->half && (!have_f16c || w->C % 8 != 0)) {
        PyErr_SetString(PyExc_ValueError, have_f16c ? "float16 W needs a multiple of 8 columns"
                                                    : "float16 W needs a CPU with F16C (see the module's F16C)");
        PyBuffer_Release(b);
        return -1;
    }
    return 0;
}

/* The parts a template hashes: up to three part indices (-1: none). */
#define MAX_TEMPLATE_PARTS 3
/* Parts a call may pass. */
#define MAX_PARTS 64

/*
 * ids[f * EM_BLOCK + r] for the m rows of the block at a: template f's parts
 * at row a + r mixed into seeds[f] (h = (h ^ part) * mul, uint64), then
 * h >> shift, as features.FeatureParts.ids computes them.
 */
static void
hash_block(const int64_t *const *parts, const int64_t *spec, const uint64_t *seeds, Py_ssize_t F, uint64_t mul,
           int shift, Py_ssize_t a, Py_ssize_t m, int64_t *ids)
{
    for (Py_ssize_t f = 0; f < F; f++) {
        const int64_t *sp = spec + f * MAX_TEMPLATE_PARTS;
        const int64_t *p0 = parts[sp[0]] + a;
        const int64_t *p1 = sp[1] >= 0 ? parts[sp[1]] + a : NULL;
        const int64_t *p2 = p1 != NULL && sp[2] >= 0 ? parts[sp[2]] + a : NULL;
        const uint64_t seed = seeds[f];
        int64_t *o = ids + f * EM_BLOCK;
        if (p2 != NULL) {
            for (Py_ssize_t r = 0; r < m; r++) {
                uint64_t h = ((uint64_t)p0[r] ^ seed) * mul;
                h = (h ^ (uint64_t)p1[r]) * mul;
                h = (h ^ (uint64_t)p2[r]) * mul;
                o[r] = (int64_t)(h >> shift);
            }
        }
        else if (p1 != NULL) {
            for (Py_ssize_t r = 0; r < m; r++) {
                uint64_t h = ((uint64_t)p0[r] ^ seed) * mul;
                h = (h ^ (uint64_t)p1[r]) * mul;
                o[r] = (int64_t)(h >> shift);
            }
        }
        else {
            for (Py_ssize_t r = 0; r < m; r++) {
                o[r] = (int64_t)((((uint64_t)p0[r] ^ seed) * mul) >> shift);
            }
        }
    }
}

/* Where a call's feature ids come from: an (F, n) array, or parts hashed block by block. */
typedef struct {
    const int64_t *ids; /* (F, n), or NULL: hash parts */
    const int64_t *const *parts;
    const int64_t *spec;
    const uint64_t *seeds;
    uint64_t mul;
    int shift;
} IdSource;

/*
 * out[r, :] = W[rows[0, r]] + W[rows[1, r]] + ... for r in [0, n), where
 * rows[f, r] = table[ids[f, r]]. Each output element is a float32 sum in
 * template order, as numpy's `o = W.take(r0); o += W.take(r1); ...`. Like
 * numpy, it goes one template at a time over a block of rows: a template's
 * hot rows of W stay in the cache (row by row over all templates was slower).
 * Hashed ids go through `buf` (F x EM_BLOCK, and EM_TAHEAD zeros after). Returns 0, or -1 with *err set
 * (err->at a flat index into ids, or the row when hashed; out is then partly written).
 */
static int
emissions_loop(const Weights *W, const int32_t *table, Py_ssize_t N, const IdSource *src, Py_ssize_t F, Py_ssize_t n,
               float *out, int64_t *buf, int32_t *rows, LookupError_ *err)
{
    for (Py_ssize_t a = 0; a < n; a += EM_BLOCK) {
        Py_ssize_t m = n - a < EM_BLOCK ? n - a : EM_BLOCK;
        if (src->ids == NULL) {
            hash_block(src->parts, src->spec, src->seeds, F, src->mul, src->shift, a, m, buf);
            /* every id h >> shift is below 2 ** (64 - shift): all in the table when that is its length or less */
            int inrange = src->shift > 0 && (UINT64_MAX >> src->shift) < (uint64_t)N;
            if ((inrange ? lookup_block_inrange(table, W->R, buf, F, m, rows, err)
                         : lookup_block(table, N, W->R, buf, F, EM_BLOCK, 0, m, rows, err)) < 0) {
                err->at = a + err->at % EM_BLOCK; /* the row; the template is not reported */
                return -1;
            }
        }
        else if (lookup_block(table, N, W->R, src->ids, F, n, a, m, rows, err) < 0) {
            return -1;
        }
        sum_block(W, rows, F, m, out + a * W->C);
    }
    return 0;
}

PyDoc_STRVAR(emissions_doc,
             "emissions(W, table, ids, out)\n--\n\n"
             "out[r, :] = sum over f of W[table[ids[f, r]], :] (float32 sums in template order).\n\n"
             "W: (rows, cols) float32; table: (buckets,) int32 with values in [0, rows);\n"
             "ids: (templates, n) int64 with values in [0, buckets); out: (n, cols) float32.\n"
             "All C-contiguous. An id or table entry out of range raises ValueError.");

static PyObject *
chain_emissions(PyObject *self, PyObject *args)
{
    PyObject *oW, *otable, *oids, *oout;
    (void)self;
    if (!PyArg_ParseTuple(args, "OOOO:emissions", &oW, &otable, &oids, &oout)) {
        return NULL;
    }
    Py_buffer b[4];
    memset(b, 0, sizeof(b));
    Weights w;
    if (get_weights(oW, &b[0], &w) < 0 || get_buffer(otable, &b[1], "table", K_I32, 1, 0) < 0 ||
        get_buffer(oids, &b[2], "ids", K_I64, 2, 0) < 0 || get_buffer(oout, &b[3], "out", K_F32, 2, 1) < 0) {
        release_all(b, 4);
        return NULL;
    }
    Py_ssize_t R = w.R, C = w.C, N = b[1].shape[0];
    Py_ssize_t F = b[2].shape[0], n = b[2].shape[1];
    const char *bad = NULL;
    if (b[3].shape[0] != n || b[3].shape[1] != C) {
        bad = "out must have shape (n, cols) for ids (templates, n) and W (rows, cols)";
    }
    else if (F < 1) {
        bad = "ids must have at least one template row";
    }
    if (bad != NULL) {
        return bad_argument(b, 4, bad);
    }
    const int32_t *table = b[1].buf;
    const int64_t *ids = b[2].buf;
    float *out = b[3].buf;
    LookupError_ err = {0, 0};
    int status = 0;
    int32_t *rows = PyMem_RawMalloc(sizeof(int32_t) * (size_t)F * EM_BLOCK);
    if (rows == NULL) {
        release_all(b, 4);
        return PyErr_NoMemory();
    }
    Py_BEGIN_ALLOW_THREADS
    IdSource src = {ids, NULL, NULL, NULL, 0, 0};
    status = emissions_loop(&w, table, N, &src, F, n, out, NULL, rows, &err);
    Py_END_ALLOW_THREADS
    PyMem_RawFree(rows);
    if (status < 0) {
        Py_ssize_t f = err.at / n, r = err.at % n;
        if (err.bad_table) {
            PyErr_Format(PyExc_ValueError, "table[ids[%zd, %zd]] = table[%lld] = %d is not a row of W [0, %zd)", f,
                         r, (long long)ids[err.at], (int)table[ids[err.at]], R);
        }
        else {
            PyErr_Format(PyExc_ValueError, "ids[%zd, %zd] = %lld is outside the table [0, %zd)", f, r,
                         (long long)ids[err.at], N);
        }
    }
    release_all(b, 4);
    if (status < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}


PyDoc_STRVAR(emissions_hashed_doc,
             "emissions_hashed(W, table, parts, spec, seeds, mul, shift, out)\n--\n\n"
             "emissions(W, table, ids, out) with ids[f, r] = (((seeds[f] ^ p0[r]) * mul ^ p1[r]) * mul ...) >> shift\n"
             "for the parts p0, p1, p2 = parts[spec[f, 0]], parts[spec[f, 1]], parts[spec[f, 2]] (uint64 arithmetic;\n"
             "a part index of -1 ends the list), computed a block of rows at a time.\n\n"
             "parts: sequence of (n,) int64 arrays (at most 64); spec: (templates, 3) int64 with spec[f, 0] a part\n"
             "index and the others a part index or -1; seeds: (templates,) int64 (the uint64 seeds' bits);\n"
             "mul: unsigned 64-bit int; shift: 0..63; W, table, out as in emissions. All C-contiguous.");

static PyObject *
chain_emissions_hashed(PyObject *self, PyObject *args)
{
    PyObject *oW, *otable, *oparts, *ospec, *oseeds, *oout;
    unsigned long long mul;
    int shift;
    (void)self;
    if (!PyArg_ParseTuple(args, "OOOOOKiO:emissions_hashed", &oW, &otable, &oparts, &ospec, &oseeds, &mul, &shift,
                          &oout)) {
        return NULL;
    }
    PyObject *seq = PySequence_Fast(oparts, "parts must be a sequence of arrays");
    if (seq == NULL) {
        return NULL;
    }
    Py_ssize_t K = PySequence_Fast_GET_SIZE(seq);
    if (K < 1 || K > MAX_PARTS) {
        Py_DECREF(seq);
        PyErr_Format(PyExc_ValueError, "parts must hold 1 to %d arrays, not %zd", MAX_PARTS, K);
        return NULL;
    }
    Py_buffer b[4 + MAX_PARTS];
    memset(b, 0, sizeof(b));
    Py_ssize_t nb = 4 + K;
    Weights w;
    int ok = get_weights(oW, &b[0], &w) == 0 && get_buffer(otable, &b[1], "table", K_I32, 1, 0) == 0 &&
             get_buffer(ospec, &b[2], "spec", K_I64, 2, 0) == 0 && get_buffer(oseeds, &b[3], "seeds", K_I64, 1, 0) == 0;
    for (Py_ssize_t k = 0; ok && k < K; k++) {
        ok = get_buffer(PySequence_Fast_GET_ITEM(seq, k), &b[4 + k], "parts[k]", K_I64, 1, 0) == 0;
    }
    Py_buffer bout;
    memset(&bout, 0, sizeof(bout));
    ok = ok && get_buffer(oout, &bout, "out", K_F32, 2, 1) == 0;
    Py_DECREF(seq);
    if (!ok) {
        release_all(b, (int)nb);
        release_all(&bout, 1);
        return NULL;
    }
    Py_ssize_t R = w.R, C = w.C, N = b[1].shape[0];
    Py_ssize_t F = b[2].shape[0], n = b[4].shape[0];
    const int64_t *spec = b[2].buf;
    const char *bad = NULL;
    if (b[2].shape[1] != MAX_TEMPLATE_PARTS) {
        bad = "spec must have shape (templates, 3)";
    }
    else if (F < 1) {
        bad = "spec must have at least one template row";
    }
    else if (b[3].shape[0] != F) {
        bad = "seeds must have one entry per template";
    }
    else if (shift < 0 || shift > 63) {
        bad = "shift must be in 0..63";
    }
    else if (bout.shape[0] != n || bout.shape[1] != C) {
        bad = "out must have shape (n, cols) for parts of length n and W (rows, cols)";
    }
    for (Py_ssize_t k = 1; bad == NULL && k < K; k++) {
        if (b[4 + k].shape[0] != n) {
            bad = "every part must have the same length";
        }
    }
    for (Py_ssize_t i = 0; bad == NULL && i < F * MAX_TEMPLATE_PARTS; i++) {
        int64_t v = spec[i];
        if (v < -1 || v >= K || (i % MAX_TEMPLATE_PARTS == 0 && v < 0)) {
            bad = "spec entries must be part indices (-1 for none after the first)";
        }
    }
    if (bad != NULL) {
        PyErr_SetString(PyExc_ValueError, bad);
        release_all(b, (int)nb);
        release_all(&bout, 1);
        return NULL;
    }
    const int64_t *parts[MAX_PARTS];
    for (Py_ssize_t k = 0; k < K; k++) {
        parts[k] = b[4 + k].buf;
    }
    LookupError_ err = {0, 0};
    int status = 0;
    int32_t *rows = PyMem_RawMalloc(sizeof(int32_t) * (size_t)F * EM_BLOCK);
    /* zeroed, with EM_TAHEAD ids more: what lookup_block_inrange prefetches past the last template */
    int64_t *ids = PyMem_RawCalloc((size_t)F * EM_BLOCK + EM_TAHEAD, sizeof(int64_t));
    if (rows == NULL || ids == NULL) {
        PyMem_RawFree(rows);
        PyMem_RawFree(ids);
        release_all(b, (int)nb);
        release_all(&bout, 1);
        return PyErr_NoMemory();
    }
    Py_BEGIN_ALLOW_THREADS
    IdSource src = {NULL, parts, spec, (const uint64_t *)b[3].buf, (uint64_t)mul, shift};
    status = emissions_loop(&w, b[1].buf, N, &src, F, n, bout.buf, ids, rows, &err);
    Py_END_ALLOW_THREADS
    PyMem_RawFree(rows);
    PyMem_RawFree(ids);
    release_all(b, (int)nb);
    release_all(&bout, 1);
    if (status < 0) {
        PyErr_Format(PyExc_ValueError,
                     err.bad_table ? "row %zd: a table entry is not a row of W [0, %zd)"
                                   : "row %zd: a hashed id is outside the table [0, %zd); shift is too small",
                     err.at, err.bad_table ? R : N);
        return NULL;
    }
    Py_RETURN_NONE;
}

/* ------------------------------------------------------------------ viterbi */

/* np.maximum for one pair: NaN wins, ties keep a. */
static inline float
max_nan(float a, float b)
{
    return (a >= b || a != a) ? a : b;
}

/* np.argmax over v[0..T): the first maximum, or the first NaN. */
static inline Py_ssize_t
argmax_first(const float *v, Py_ssize_t T)
{
    Py_ssize_t best = 0;
    float bv = v[0];
    if (bv != bv) {
        return 0;
    }
    for (Py_ssize_t i = 1; i < T; i++) {
        if (v[i] > bv) {
            bv = v[i];
            best = i;
        }
        else if (v[i] != v[i]) {
            return i;
        }
    }
    return best;
}

/* The tag structure the forward step uses (see ChainTagger._setup_targets). */
typedef struct {
    Py_ssize_t T;         /* tags */
    const float *tr;      /* (T, T) transitions, disallowed ones already -1e4 */
    const float *start;   /* (T,) score of a tag at the start of a run after padding */
    const int64_t *tgt;   /* tags any tag may precede (max over all T) */
    Py_ssize_t n_tgt;
    const int64_t *pairs; /* B-x tags whose I-x is the next index (I-x follows B-x or I-x only) */
    Py_ssize_t n_pairs;
    /* for the vector step (NULL: scalar): trt[i * n_tgt4 + k] = tr[i, tgt[k]],
       n_tgt rounded up to whole vectors, the padding lanes 0 */
    float *trt;
    Py_ssize_t n_tgt4;
    int finite; /* no NaN or infinity in em, trans or start, so none in any sum (the vector step's fast path) */
    Py_ssize_t ld; /* floats from one row of em to the next (T, or more when em holds other columns too) */
    /* for the AVX path (NULL: none; see setup_avx_step): trt8 as trt with n_tgt rounded up to
       8 lanes (n_tgt8), trT the transitions transposed (trT[j * T + i] = tr[i, j]) */
    float *trt8;
    Py_ssize_t n_tgt8;
    float *trT;
    /* for the AVX path: each pair's transitions B-x -> I-x and I-x -> I-x, side by side
       (pairtr[2k], pairtr[2k + 1]) */
    float *pairtr;
    /* for the AVX path when the tags are O, B-1, I-1, B-2, I-2, ... (pairs[k] = 2k + 1, T = 2P + 1),
       else NULL: the pairs' transitions laid out along tags 1..2P (see forward_avx_nv), n_pv
       vectors of 8 lanes, the last one's lanes in pv_tail */
    float *pairvec;
    Py_ssize_t n_pv;
    int32_t pv_tail[8];
} Chain;

/* Targets the vector step handles at most (its running maxima stay in registers). */
#define MAX_VEC_TARGETS 32

/*
 * The transitions into the targets, transposed and padded for the vector step
 * (ch->trt, freed by the caller), or ch->trt = NULL when the scalar step runs.
 * Returns -1 only when out of memory.
 */
static int
setup_vector_step(Chain *ch)
{
    ch->trt = NULL;
    ch->n_tgt4 = 0;
#if LANES
    if (ch->n_tgt == 0 || ch->n_tgt > MAX_VEC_TARGETS) {
        return 0;
    }
    Py_ssize_t w = (ch->n_tgt + LANES - 1) / LANES * LANES;
    float *trt = PyMem_RawCalloc((size_t)(ch->T * w), sizeof(float));
    if (trt == NULL) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < ch->T; i++) {
        for (Py_ssize_t k = 0; k < ch->n_tgt; k++) {
            trt[i * w + k] = ch->tr[i * ch->T + ch->tgt[k]];
        }
    }
    ch->trt = trt;
    ch->n_tgt4 = w;
#endif
    return 0;
}

#if LANES
/* acc[v] = max over i of prev[i] + trt row i, vector v: np.maximum's order and NaN rule. */
static inline void
vector_maxima(const Chain *ch, const float *prev, v4f *acc)
{
    const Py_ssize_t nv = ch->n_tgt4 / LANES;
    for (Py_ssize_t v = 0; v < nv; v++) {
        acc[v] = prev[0] + load4(ch->trt + v * LANES);
    }
    for (Py_ssize_t i = 1; i < ch->T; i++) {
        const float *row = ch->trt + i * ch->n_tgt4;
        for (Py_ssize_t v = 0; v < nv; v++) {
            acc[v] = max4_nan(acc[v], prev[i] + load4(row + v * LANES));
        }
    }
}

/*
 * The same maxima when no score is NaN (ch->finite): plain comparisons, and two
 * running maxima per vector (even and odd i) so the additions and comparisons
 * of one row do not wait for the last. Without NaN the maximum does not depend
 * on the order; only the sign of a zero maximum could, which no later
 * comparison sees, so the tags are the same.
 */
static inline void
vector_maxima_finite(const Chain *ch, const float *prev, v4f *acc)
{
    const Py_ssize_t nv = ch->n_tgt4 / LANES, T = ch->T;
    v4f odd[MAX_VEC_TARGETS / LANES];
    for (Py_ssize_t v = 0; v < nv; v++) {
        acc[v] = prev[0] + load4(ch->trt + v * LANES);
        odd[v] = T > 1 ? prev[1] + load4(ch->trt + ch->n_tgt4 + v * LANES) : acc[v];
    }
    Py_ssize_t i = 2;
    for (; i + 1 < T; i += 2) {
        const float *row = ch->trt + i * ch->n_tgt4;
        const float *row2 = row + ch->n_tgt4;
        for (Py_ssize_t v = 0; v < nv; v++) {
            acc[v] = max4(acc[v], prev[i] + load4(row + v * LANES));
            odd[v] = max4(odd[v], prev[i + 1] + load4(row2 + v * LANES));
        }
    }
    for (; i < T; i++) {
        const float *row = ch->trt + i * ch->n_tgt4;
        for (Py_ssize_t v = 0; v < nv; v++) {
            acc[v] = max4(acc[v], prev[i] + load4(row + v * LANES));
        }
    }
    for (Py_ssize_t v = 0; v < nv; v++) {
        acc[v] = max4(acc[v], odd[v]);
    }
}
#endif

/*
 * cur[tgt[k]] = max over i of (prev[i] + tr[i, tgt[k]]) + e[tgt[k]]: the O and
 * B-x tags, which may follow any tag. The same float32 sums in either step;
 * the maximum does not depend on the order.
 */
static inline void
step_targets(const Chain *ch, const float *prev, const float *e, float *cur)
{
    const Py_ssize_t T = ch->T;
#if LANES
    if (ch->trt != NULL) {
        const Py_ssize_t nv = ch->n_tgt4 / LANES;
        v4f acc[MAX_VEC_TARGETS / LANES];
        float best[MAX_VEC_TARGETS];
        if (ch->finite) {
            vector_maxima_finite(ch, prev, acc);
        }
        else {
            vector_maxima(ch, prev, acc);
        }
        for (Py_ssize_t v = 0; v < nv; v++) {
            store4(best + v * LANES, acc[v]);
        }
        for (Py_ssize_t k = 0; k < ch->n_tgt; k++) {
            Py_ssize_t j = (Py_ssize_t)ch->tgt[k];
            cur[j] = best[k] + e[j];
        }
        return;
    }
#endif
    const float *tr = ch->tr;
    for (Py_ssize_t k = 0; k < ch->n_tgt; k++) {
        Py_ssize_t j = (Py_ssize_t)ch->tgt[k];
        float a = prev[0] + tr[j];
        for (Py_ssize_t i = 1; i < T; i++) {
            a = max_nan(a, prev[i] + tr[i * T + j]);
        }
        cur[j] = a + e[j];
    }
}

/*
 * Forward pass over one run em[0..L): hist[t * T + j] = best score of a path
 * ending in tag j at row t. `from_pad`: the row before the run is padding
 * (or there is none), else an O row.
 */
static void
forward(const Chain *ch, const float *em, Py_ssize_t L, int from_pad, float *hist)
{
    const Py_ssize_t T = ch->T;
    const float *tr = ch->tr;
    const float *init = from_pad ? ch->start : tr; /* tr row 0: from O */
    for (Py_ssize_t j = 0; j < T; j++) {
        hist[j] = em[j] + init[j];
    }
    for (Py_ssize_t t = 1; t < L; t++) {
        const float *prev = hist + (t - 1) * T;
        float *cur = hist + t * T;
        const float *e = em + t * ch->ld;
        /* O and B-x: the best of every previous tag */
        step_targets(ch, prev, e, cur);
        /* I-x: from B-x or I-x */
        for (Py_ssize_t k = 0; k < ch->n_pairs; k++) {
            Py_ssize_t bx = (Py_ssize_t)ch->pairs[k], ix = bx + 1;
            float a = max_nan(prev[bx] + tr[bx * T + ix], prev[ix] + tr[ix * T + ix]);
            cur[ix] = a + e[ix];
        }
    }
}

/*
 * Backward pass over one run: the best last tag (plus the transition to O
 * unless padding follows), then at each row the previous tag that gives the
 * best sum with the transition into the chosen one. `tmp` holds T floats.
 */
static void
backward(const Chain *ch, const float *hist, Py_ssize_t L, int to_pad, int64_t *tags, float *tmp)
{
    const Py_ssize_t T = ch->T;
    const float *tr = ch->tr;
    const float *last = hist + (L - 1) * T;
    for (Py_ssize_t j = 0; j < T; j++) {
        tmp[j] = last[j] + (to_pad ? 0.0f : tr[j * T]);
    }
    Py_ssize_t cur = argmax_first(tmp, T);
    tags[L - 1] = cur;
    for (Py_ssize_t t = L - 1; t > 0; t--) {
        const float *h = hist + (t - 1) * T;
        for (Py_ssize_t i = 0; i < T; i++) {
            tmp[i] = h[i] + tr[i * T + cur];
        }
        cur = argmax_first(tmp, T);
        tags[t - 1] = cur;
    }
}

static int
all_finite(const float *v, Py_ssize_t n)
{
    /* an exponent of all ones is an infinity or a NaN; integer ops, so the loop vectorises */
    uint32_t bad = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        uint32_t u;
        memcpy(&u, v + i, sizeof(u));
        bad |= (uint32_t)((u & 0x7f800000u) == 0x7f800000u);
    }
    return bad == 0;
}

/*
 * Mark the undecided rows: real and O not ahead of the best other tag by more
 * than margin (as float32, like numpy). Returns the longest run of them.
 */
static Py_ssize_t
mark_open(const float *em, Py_ssize_t ld, const uint8_t *real, Py_ssize_t n, Py_ssize_t T, float margin,
          uint8_t *open)
{
    Py_ssize_t longest = 0, run = 0;
    for (Py_ssize_t r = 0; r < n; r++) {
        const float *e = em + r * ld;
        float others = -INFINITY;
        if (T > 1) {
            others = e[1];
            for (Py_ssize_t j = 2; j < T; j++) {
                others = max_nan(others, e[j]);
            }
        }
        float d = e[0] - others;
        open[r] = real[r] && d <= margin;
        run = open[r] ? run + 1 : 0;
        if (run > longest) {
            longest = run;
        }
    }
    return longest;
}


#if HAVE_F16C_BUILD
/*
 * The AVX path of the Viterbi search, for finite scores only (ch->finite): 8 lanes,
 * the running maxima of at most AVX_TARGETS targets held in registers, and a
 * backward pass that reads the transposed transitions. The maxima of finite
 * scores do not depend on the order in which they are taken (only the sign of a
 * zero maximum could, which no comparison sees), so the tags are those of the
 * 4-lane step and of numpy. On the analyzer's 13 batches of cnews-800 (834k rows,
 * both taggers) the search takes 0.07 s of CPU instead of 0.19 s.
 */

/* Does this CPU run the AVX path? Set at import. */
static int have_avx = 0;

/* Targets the AVX step handles at most (two vectors of 8). */
#define AVX_TARGETS 16

/*
 * ch->trt8 and ch->trT for the AVX path, or both NULL when it does not run (no AVX,
 * too many targets). Returns -1 only when out of memory.
 */
static int
setup_avx_step(Chain *ch)
{
    ch->trt8 = NULL;
    ch->trT = NULL;
    ch->pairtr = NULL;
    ch->pairvec = NULL;
    ch->n_pv = 0;
    ch->n_tgt8 = 0;
    if (!have_avx || ch->n_tgt == 0 || ch->n_tgt > AVX_TARGETS) {
        return 0;
    }
    const Py_ssize_t T = ch->T, w = (ch->n_tgt + 7) / 8 * 8;
    float *trt8 = PyMem_RawCalloc((size_t)(T * w), sizeof(float));
    float *trT = PyMem_RawMalloc(sizeof(float) * (size_t)(T * T));
    float *pairtr = PyMem_RawMalloc(sizeof(float) * (size_t)(2 * ch->n_pairs + 1));
    if (trt8 == NULL || trT == NULL || pairtr == NULL) {
        PyMem_RawFree(trt8);
        PyMem_RawFree(trT);
        PyMem_RawFree(pairtr);
        return -1;
    }
    for (Py_ssize_t k = 0; k < ch->n_pairs; k++) {
        Py_ssize_t bx = (Py_ssize_t)ch->pairs[k], ix = bx + 1;
        pairtr[2 * k] = ch->tr[bx * T + ix];
        pairtr[2 * k + 1] = ch->tr[ix * T + ix];
    }
    ch->pairtr = pairtr;
    int layout = ch->n_pairs > 0 && T == 2 * ch->n_pairs + 1;
    for (Py_ssize_t k = 0; layout && k < ch->n_pairs; k++) {
        layout = ch->pairs[k] == 2 * k + 1;
    }
    /* and the targets are O and the B- tags in order */
    layout = layout && ch->n_tgt == ch->n_pairs + 1 && ch->tgt[0] == 0;
    for (Py_ssize_t k = 1; layout && k < ch->n_tgt; k++) {
        layout = ch->tgt[k] == 2 * k - 1;
    }
    if (layout) {
        /* lane j - 1 of `from B` is tag j's B -> I transition, of `from I` its I -> I one, for the
           I tags j = 2k + 2 (0 for the B tags between them, whose lanes are overwritten) */
        const Py_ssize_t P2 = 2 * ch->n_pairs, n_pv = (P2 + 7) / 8;
        float *pv = PyMem_RawCalloc((size_t)(2 * n_pv * 8), sizeof(float));
        if (pv == NULL) {
            PyMem_RawFree(trt8);
            PyMem_RawFree(trT);
            PyMem_RawFree(pairtr);
            ch->pairtr = NULL;
            return -1;
        }
        for (Py_ssize_t k = 0; k < ch->n_pairs; k++) {
            pv[2 * k + 1] = pairtr[2 * k];              /* from B */
            pv[n_pv * 8 + 2 * k + 1] = pairtr[2 * k + 1]; /* from I */
        }
        ch->pairvec = pv;
        ch->n_pv = n_pv;
        for (int k = 0; k < 8; k++) {
            ch->pv_tail[k] = k < P2 - 8 * (n_pv - 1) ? -1 : 0;
        }
    }
    for (Py_ssize_t i = 0; i < T; i++) {
        for (Py_ssize_t k = 0; k < ch->n_tgt; k++) {
            trt8[i * w + k] = ch->tr[i * T + ch->tgt[k]];
        }
        for (Py_ssize_t j = 0; j < T; j++) {
            trT[j * T + i] = ch->tr[i * T + j];
        }
    }
    ch->trt8 = trt8;
    ch->trT = trT;
    ch->n_tgt8 = w;
    return 0;
}

/*
 * forward() for finite scores, NV vectors of 8 targets (NV 1 or 2: a constant once
 * inlined, so the maxima stay in registers). Two running maxima per vector (even
 * and odd previous tags) so one row's additions do not wait for the last. Its first
 * row and row pointers repeat forward()'s: this body is compiled for the avx target,
 * so it cannot share an inlined step with the portable one (as sum_block16 and
 * sum_block32 for F16C).
 */
__attribute__((target("avx"), always_inline)) static inline void
forward_avx_nv(const Chain *ch, const float *em, Py_ssize_t L, int from_pad, float *hist, const int NV)
{
    const Py_ssize_t T = ch->T, w = ch->n_tgt8, n_tgt = ch->n_tgt;
    const float *tr = ch->tr, *trt8 = ch->trt8, *pairtr = ch->pairtr;
    const int64_t *tgt = ch->tgt, *pairs = ch->pairs;
    const Py_ssize_t n_pairs = ch->n_pairs, n_pv = ch->n_pv;
    const float *pv = ch->pairvec;
    const __m256i tail = _mm256_loadu_si256((const __m256i *)ch->pv_tail);
    const float *init = from_pad ? ch->start : tr; /* tr row 0: from O */
    /* only the first NV * 8 are written; the layout path reads up to 4 past the targets (lanes it masks) */
    float best[AVX_TARGETS + 4] = {0};
    for (Py_ssize_t j = 0; j < T; j++) {
        hist[j] = em[j] + init[j];
    }
    for (Py_ssize_t t = 1; t < L; t++) {
        const float *prev = hist + (t - 1) * T;
        float *cur = hist + t * T;
        const float *e = em + t * ch->ld;
        __m256 acc[2], odd[2];
        for (int v = 0; v < NV; v++) {
            acc[v] = _mm256_add_ps(_mm256_broadcast_ss(prev), _mm256_loadu_ps(trt8 + v * 8));
            odd[v] = acc[v];
        }
        Py_ssize_t i = 1;
        for (; i + 1 < T; i += 2) {
            const __m256 p = _mm256_broadcast_ss(prev + i), q = _mm256_broadcast_ss(prev + i + 1);
            for (int v = 0; v < NV; v++) {
                acc[v] = _mm256_max_ps(acc[v], _mm256_add_ps(p, _mm256_loadu_ps(trt8 + i * w + v * 8)));
                odd[v] = _mm256_max_ps(odd[v], _mm256_add_ps(q, _mm256_loadu_ps(trt8 + (i + 1) * w + v * 8)));
            }
        }
        if (i < T) {
            const __m256 p = _mm256_broadcast_ss(prev + i);
            for (int v = 0; v < NV; v++) {
                acc[v] = _mm256_max_ps(acc[v], _mm256_add_ps(p, _mm256_loadu_ps(trt8 + i * w + v * 8)));
            }
        }
        for (int v = 0; v < NV; v++) {
            _mm256_storeu_ps(best + v * 8, _mm256_max_ps(acc[v], odd[v]));
        }
        if (pv != NULL) {
            /* I-x = tag j = 2k + 2 from B-x (j - 1) or I-x (j), 8 tags at a time along tags 1..2P:
               max(b, a) is a >= b ? a : b (finite), as below (149 -> 134 M instructions for the
               Viterbi search of 200 articles of cnews-800). The B- tags j = 2k + 1 in between take
               their best (target k + 1) spread to their lanes instead (134 -> 123 M), so only O
               is left to the targets' loop. */
            for (Py_ssize_t q = 0; q < n_pv; q++) {
                const float *pp = prev + 8 * q, *ee = e + 1 + 8 * q;
                __m256 fromb, fromi, eq;
                if (q + 1 < n_pv) {
                    fromb = _mm256_loadu_ps(pp);
                    fromi = _mm256_loadu_ps(pp + 1);
                    eq = _mm256_loadu_ps(ee);
                }
                else { /* past the last tag: not read (em's row may end there), not written */
                    fromb = _mm256_maskload_ps(pp, tail);
                    fromi = _mm256_maskload_ps(pp + 1, tail);
                    eq = _mm256_maskload_ps(ee, tail);
                }
                const __m256 a = _mm256_add_ps(fromb, _mm256_loadu_ps(pv + 8 * q));
                const __m256 b = _mm256_add_ps(fromi, _mm256_loadu_ps(pv + 8 * (n_pv + q)));
                const __m128 bq = _mm_loadu_ps(best + 1 + 4 * q); /* targets 4q + 1 .. 4q + 4: B- tags */
                const __m256 bs = _mm256_insertf128_ps(_mm256_castps128_ps256(_mm_unpacklo_ps(bq, bq)),
                                                       _mm_unpackhi_ps(bq, bq), 1);
                const __m256 r = _mm256_add_ps(_mm256_blend_ps(bs, _mm256_max_ps(b, a), 0xAA), eq);
                if (q + 1 < n_pv) {
                    _mm256_storeu_ps(cur + 1 + 8 * q, r);
                }
                else {
                    _mm256_maskstore_ps(cur + 1 + 8 * q, tail, r);
                }
            }
        }
        for (Py_ssize_t k = 0; k < (pv == NULL ? n_tgt : 1); k++) {
            Py_ssize_t j = (Py_ssize_t)tgt[k];
            cur[j] = best[k] + e[j];
        }
        /* I-x: from B-x or I-x (finite: a plain comparison is np.maximum's choice); the
           transitions from ch->pairtr, without index arithmetic (the Viterbi search of 200
           articles of cnews-800: 199 -> 185 M instructions) */
        for (Py_ssize_t k = 0; pv == NULL && k < n_pairs; k++) {
            Py_ssize_t bx = (Py_ssize_t)pairs[k];
            float a = prev[bx] + pairtr[2 * k], b = prev[bx + 1] + pairtr[2 * k + 1];
            cur[bx + 1] = (a >= b ? a : b) + e[bx + 1];
        }
    }
}

__attribute__((target("avx"))) static void
forward_avx1(const Chain *ch, const float *em, Py_ssize_t L, int from_pad, float *hist)
{
    forward_avx_nv(ch, em, L, from_pad, hist, 1);
}

__attribute__((target("avx"))) static void
forward_avx2(const Chain *ch, const float *em, Py_ssize_t L, int from_pad, float *hist)
{
    forward_avx_nv(ch, em, L, from_pad, hist, 2);
}

/*
 * backward() for finite scores: the same sums h[i] + tr[i, cur], read from the
 * transposed transitions, and the first maximum (no NaN to look for).
 */
/* The last row's best tag, with the step into the padding tag unless `to_pad` (the first of equals). */
static Py_ssize_t
best_last(const Chain *ch, const float *last, int to_pad)
{
    const Py_ssize_t T = ch->T;
    const float *tr = ch->tr;
    Py_ssize_t cur = 0;
    float bv = last[0] + (to_pad ? 0.0f : tr[0]);
    for (Py_ssize_t j = 1; j < T; j++) {
        float v = last[j] + (to_pad ? 0.0f : tr[j * T]);
        if (v > bv) {
            bv = v;
            cur = j;
        }
    }
    return cur;
}

static void
backward_finite(const Chain *ch, const float *hist, Py_ssize_t L, int to_pad, int64_t *tags)
{
    const Py_ssize_t T = ch->T;
    const float *trT = ch->trT;
    const float *last = hist + (L - 1) * T;
    Py_ssize_t cur = best_last(ch, last, to_pad);
    tags[L - 1] = cur;
    for (Py_ssize_t t = L - 1; t > 0; t--) {
        const float *h = hist + (t - 1) * T;
        const float *col = trT + cur * T;
        Py_ssize_t b = 0;
        float bv = h[0] + col[0];
        for (Py_ssize_t i = 1; i < T; i++) {
            float v = h[i] + col[i];
            b = v > bv ? i : b;
            bv = v > bv ? v : bv;
        }
        cur = b;
        tags[t - 1] = cur;
    }
}

/* Tags the vector backward pass handles at most (its sums stay in registers). */
#define AVX_BACK_TAGS 32

/*
 * backward_finite() in 8 lanes, for T <= AVX_BACK_TAGS: at each row the sums h[i] + trT[cur, i]
 * (the same float32 additions), their maximum, and the first tag whose sum equals it, which is
 * the scalar loop's choice (it takes a later tag only when strictly greater; -0 and +0 compare
 * equal in both). The Viterbi search of 200 articles of cnews-800 takes 199 M instructions instead of
 * 215 M (callgrind, the entity stage).
 */
__attribute__((target("avx"))) static void
backward_avx(const Chain *ch, const float *hist, Py_ssize_t L, int to_pad, int64_t *tags)
{
    const Py_ssize_t T = ch->T, full = T / 8 * 8, nv = (T + 7) / 8;
    const float *trT = ch->trT;
    int32_t lanes[8];
    for (int k = 0; k < 8; k++) {
        lanes[k] = k < T - full ? -1 : 0;
    }
    const __m256i mask = _mm256_loadu_si256((const __m256i *)lanes);
    const __m256 none = _mm256_set1_ps(-INFINITY);
    /* -inf in the lanes past the tags, 0 in the others: or-ed into a masked load (0 past the
       tags) it makes those lanes -inf (a blendv here compiled to a branch per lane) */
    const __m256 fill = _mm256_andnot_ps(_mm256_castsi256_ps(mask), none);
    const float *last = hist + (L - 1) * T;
    Py_ssize_t cur = best_last(ch, last, to_pad);
    tags[L - 1] = cur;
    __m256 v[AVX_BACK_TAGS / 8];
    for (Py_ssize_t t = L - 1; t > 0; t--) {
        const float *h = hist + (t - 1) * T;
        const float *col = trT + cur * T;
        __m256 m = none;
        Py_ssize_t k = 0;
        for (; k < full / 8; k++) {
            v[k] = _mm256_add_ps(_mm256_loadu_ps(h + 8 * k), _mm256_loadu_ps(col + 8 * k));
            m = _mm256_max_ps(m, v[k]);
        }
        if (full < T) { /* the lanes past the tags are -inf: never the maximum of finite sums */
            v[k] = _mm256_or_ps(_mm256_add_ps(_mm256_maskload_ps(h + full, mask), _mm256_maskload_ps(col + full, mask)), fill);
            m = _mm256_max_ps(m, v[k]);
        }
        __m128 q = _mm_max_ps(_mm256_castps256_ps128(m), _mm256_extractf128_ps(m, 1));
        q = _mm_max_ps(q, _mm_movehl_ps(q, q));
        q = _mm_max_ss(q, _mm_shuffle_ps(q, q, 1));
        const __m256 best = _mm256_set1_ps(_mm_cvtss_f32(q));
        for (k = 0; k < nv; k++) {
            int bits = _mm256_movemask_ps(_mm256_cmp_ps(v[k], best, _CMP_EQ_OQ));
            if (bits) {
                cur = 8 * k + __builtin_ctz((unsigned)bits);
                break;
            }
        }
        tags[t - 1] = cur;
    }
}

/*
 * mark_open() for finite scores (T > 1): the best other tag as a vector maximum.
 * Returns the longest run of open rows, and sets *finite to whether all of the rows'
 * scores are finite (all_finite of each row, from the vectors it loads anyway: x - x is
 * +0 for a finite x, NaN otherwise): the Viterbi search of 200 articles of cnews-800 takes
 * 215 M instructions instead of 240 M (callgrind, the entity stage, together with running
 * all_finite over the rows only where the AVX path does not). Where they are not, the caller marks the rows again with mark_open().
 */
__attribute__((target("avx"))) static Py_ssize_t
mark_open_avx(const float *em, Py_ssize_t ld, const uint8_t *real, Py_ssize_t n, Py_ssize_t T, float margin,
              uint8_t *open, int *finite)
{
    Py_ssize_t longest = 0, run = 0;
    const Py_ssize_t full = (T - 1) / 8 * 8 + 1, rest = T - full; /* columns 1..full in whole vectors */
    int32_t lanes[8];
    for (int k = 0; k < 8; k++) {
        lanes[k] = k < rest ? -1 : 0;
    }
    const __m256i mask = _mm256_loadu_si256((const __m256i *)lanes);
    const __m256 none = _mm256_set1_ps(-INFINITY);
    /* -inf in the lanes past the row, 0 in the others: or-ed into the masked load (0 past the
       row) it makes those lanes -inf (a blendv here compiled to a branch per lane: 38 -> 19 M
       instructions for 200 articles of cnews-800) */
    const __m256 fill = _mm256_andnot_ps(_mm256_castsi256_ps(mask), none);
    __m256 bad = _mm256_setzero_ps(); /* the bits of every x - x: all zero while the scores are finite */
    float bad0 = 0.0f;
    for (Py_ssize_t r = 0; r < n; r++) {
        const float *e = em + r * ld;
        __m256 m = none;
        for (Py_ssize_t c = 1; c < full; c += 8) {
            const __m256 x = _mm256_loadu_ps(e + c);
            bad = _mm256_or_ps(bad, _mm256_sub_ps(x, x));
            m = _mm256_max_ps(m, x);
        }
        if (rest) {
            const __m256 x = _mm256_maskload_ps(e + full, mask); /* the lanes past the row are 0 */
            bad = _mm256_or_ps(bad, _mm256_sub_ps(x, x));
            m = _mm256_max_ps(m, _mm256_or_ps(x, fill));
        }
        bad0 += e[0] - e[0]; /* stays +0 unless a NaN or an infinity comes */
        __m128 h = _mm_max_ps(_mm256_castps256_ps128(m), _mm256_extractf128_ps(m, 1));
        h = _mm_max_ps(h, _mm_movehl_ps(h, h));
        h = _mm_max_ss(h, _mm_shuffle_ps(h, h, 1));
        float d = e[0] - _mm_cvtss_f32(h);
        open[r] = real[r] && d <= margin;
        run = open[r] ? run + 1 : 0;
        if (run > longest) {
            longest = run;
        }
    }
    *finite = bad0 == 0.0f && _mm256_movemask_ps(_mm256_cmp_ps(bad, _mm256_setzero_ps(), _CMP_NEQ_UQ)) == 0;
    return longest;
}
#endif

/* Decode every run of open rows; hist holds longest * T floats, tmp T. */
static void
decode_runs(const Chain *ch, const float *em, const uint8_t *real, const uint8_t *open, Py_ssize_t n,
            int64_t *tags, float *hist, float *tmp)
{
    Py_ssize_t s = 0;
    while (s < n) {
        if (!open[s]) {
            tags[s++] = 0;
            continue;
        }
        Py_ssize_t e = s;
        while (e < n && open[e]) {
            e++;
        }
        int from_pad = s == 0 || !real[s - 1];
        int to_pad = e == n || !real[e];
#if HAVE_F16C_BUILD
        if (ch->finite && ch->trt8 != NULL) {
            if (ch->n_tgt8 == 8) {
                forward_avx1(ch, em + s * ch->ld, e - s, from_pad, hist);
            }
            else {
                forward_avx2(ch, em + s * ch->ld, e - s, from_pad, hist);
            }
            if (ch->T <= AVX_BACK_TAGS) {
                backward_avx(ch, hist, e - s, to_pad, tags + s);
            }
            else {
                backward_finite(ch, hist, e - s, to_pad, tags + s);
            }
            s = e;
            continue;
        }
#endif
        forward(ch, em + s * ch->ld, e - s, from_pad, hist);
        backward(ch, hist, e - s, to_pad, tags + s, tmp);
        s = e;
    }
}

/* Target and pair indices are tag indices (a pair's I-x = B-x + 1 too); else ValueError and -1. */
static int
check_indices(const Chain *ch)
{
    for (Py_ssize_t k = 0; k < ch->n_tgt; k++) {
        if (ch->tgt[k] < 0 || ch->tgt[k] >= ch->T) {
            PyErr_Format(PyExc_ValueError, "targets[%zd] = %lld is not a tag index [0, %zd)", k,
                         (long long)ch->tgt[k], ch->T);
            return -1;
        }
    }
    for (Py_ssize_t k = 0; k < ch->n_pairs; k++) {
        if (ch->pairs[k] < 0 || ch->pairs[k] + 1 >= ch->T) {
            PyErr_Format(PyExc_ValueError, "pairs[%zd] = %lld: B-x and I-x = B-x + 1 must be tag indices [0, %zd)",
                         k, (long long)ch->pairs[k], ch->T);
            return -1;
        }
    }
    return 0;
}

/*
 * Check the structure: target and pair indices are tags (pairs' I-x too), and
 * every tag is a target or the I-x of a pair, so each step sets every score.
 */
static int
check_structure(const Chain *ch)
{
    if (check_indices(ch) < 0) {
        return -1;
    }
    uint8_t *seen = PyMem_RawCalloc((size_t)ch->T, 1);
    if (seen == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t k = 0; k < ch->n_tgt; k++) {
        seen[ch->tgt[k]] = 1;
    }
    for (Py_ssize_t k = 0; k < ch->n_pairs; k++) {
        seen[ch->pairs[k] + 1] = 1;
    }
    Py_ssize_t j = 0;
    while (j < ch->T && seen[j]) {
        j++;
    }
    PyMem_RawFree(seen);
    if (j < ch->T) {
        PyErr_Format(PyExc_ValueError, "tag %zd is neither a target nor the I-x of a pair", j);
        return -1;
    }
    return 0;
}

PyDoc_STRVAR(viterbi_doc,
             "viterbi(em, real, trans, start, targets, pairs, margin, tags, col0=-1)\n--\n\n"
             "BIO-structured Viterbi as ChainTagger.decode: fills tags (n,) int64.\n\n"
             "em: (n, T) float32 emissions; real: (n,) bool (False: padding, tag O);\n"
             "trans: (T, T) float32 with disallowed transitions already -1e4;\n"
             "start: (T,) float32 scores at a run start after padding;\n"
             "targets: int64 tags any tag may precede; pairs: int64 B-x tags whose\n"
             "I-x (= B-x + 1) follows only B-x or I-x; margin: rows whose O score\n"
             "beats every other by more than margin (float32) are O without Viterbi.\n"
             "With col0 >= 0, em is (n, C) with the T = len(trans) tag columns from col0 on\n"
             "(a column slice of a wider array, read in place).");

static PyObject *
chain_viterbi(PyObject *self, PyObject *args)
{
    PyObject *oem, *oreal, *otr, *ostart, *otgt, *opairs, *otags;
    double margin_d;
    Py_ssize_t col0 = -1;
    (void)self;
    if (!PyArg_ParseTuple(args, "OOOOOOdO|n:viterbi", &oem, &oreal, &otr, &ostart, &otgt, &opairs, &margin_d,
                          &otags, &col0)) {
        return NULL;
    }
    Py_buffer b[7];
    memset(b, 0, sizeof(b));
    if (get_buffer(oem, &b[0], "em", K_F32, 2, 0) < 0 || get_buffer(oreal, &b[1], "real", K_BOOL, 1, 0) < 0 ||
        get_buffer(otr, &b[2], "trans", K_F32, 2, 0) < 0 || get_buffer(ostart, &b[3], "start", K_F32, 1, 0) < 0 ||
        get_buffer(otgt, &b[4], "targets", K_I64, 1, 0) < 0 || get_buffer(opairs, &b[5], "pairs", K_I64, 1, 0) < 0 ||
        get_buffer(otags, &b[6], "tags", K_I64, 1, 1) < 0) {
        release_all(b, 7);
        return NULL;
    }
    /* em's columns are the tags, or with col0 the tags are T = len(trans) of its columns from col0 on */
    Py_ssize_t n = b[0].shape[0], ld = b[0].shape[1], T = col0 < 0 ? ld : b[2].shape[0];
    const char *bad = NULL;
    if (T < 1) {
        bad = "em must have at least one tag column";
    }
    else if (col0 >= 0 && col0 + T > ld) {
        bad = "em must have col0 + T columns for the T tags of trans";
    }
    else if (b[1].shape[0] != n) {
        bad = "real must have one entry per row of em";
    }
    else if (b[2].shape[0] != T || b[2].shape[1] != T) {
        bad = "trans must be (T, T) for the T columns of em";
    }
    else if (b[3].shape[0] != T) {
        bad = "start must have one entry per column of em";
    }
    else if (b[6].shape[0] != n) {
        bad = "tags must have one entry per row of em";
    }
    if (bad != NULL) {
        return bad_argument(b, 7, bad);
    }
    Chain ch = {T, b[2].buf, b[3].buf, b[4].buf, b[4].shape[0], b[5].buf, b[5].shape[0], NULL, 0, 0, ld, NULL, 0, NULL, NULL, NULL, 0, {0}};
    if (check_structure(&ch) < 0) {
        release_all(b, 7);
        return NULL;
    }
    if (setup_vector_step(&ch) < 0) {
        release_all(b, 7);
        return PyErr_NoMemory();
    }
#if HAVE_F16C_BUILD
    if (setup_avx_step(&ch) < 0) {
        PyMem_RawFree(ch.trt);
        release_all(b, 7);
        return PyErr_NoMemory();
    }
#endif
    const float *em = (const float *)b[0].buf + (col0 > 0 ? col0 : 0);
    const uint8_t *real = b[1].buf;
    int64_t *tags = b[6].buf;
    float margin = (float)margin_d;
    uint8_t *open = PyMem_RawMalloc(n > 0 ? (size_t)n : 1);
    float *tmp = PyMem_RawMalloc(sizeof(float) * (size_t)T);
    float *hist = NULL;
    int nomem = open == NULL || tmp == NULL;
    if (!nomem) {
        Py_ssize_t longest;
        Py_BEGIN_ALLOW_THREADS
        ch.finite = all_finite(ch.tr, T * T) && all_finite(ch.start, T);
        int marked = 0;
#if HAVE_F16C_BUILD
        if (ch.finite && have_avx && T > 1) {
            /* checks that this tagger's columns of em are finite too */
            longest = mark_open_avx(em, ch.ld, real, n, T, margin, open, &ch.finite);
            marked = ch.finite;
        }
#endif
        if (!marked) {
            for (Py_ssize_t r = 0; ch.finite && r < n; r++) {
                ch.finite = all_finite(em + r * ch.ld, T); /* this tagger's columns only */
            }
            longest = mark_open(em, ch.ld, real, n, T, margin, open);
        }
        Py_END_ALLOW_THREADS
        hist = PyMem_RawMalloc(sizeof(float) * (size_t)(longest > 0 ? longest : 1) * (size_t)T);
        nomem = hist == NULL;
        if (!nomem) {
            Py_BEGIN_ALLOW_THREADS
            decode_runs(&ch, em, real, open, n, tags, hist, tmp);
            Py_END_ALLOW_THREADS
        }
    }
    PyMem_RawFree(open);
    PyMem_RawFree(tmp);
    PyMem_RawFree(hist);
    PyMem_RawFree(ch.trt);
    PyMem_RawFree(ch.trt8);
    PyMem_RawFree(ch.trT);
    PyMem_RawFree(ch.pairtr);
    PyMem_RawFree(ch.pairvec);
    release_all(b, 7);
    if (nomem) {
        return PyErr_NoMemory();
    }
    Py_RETURN_NONE;
}

/* ------------------------------------------------------------ hash lookups */

/*
 * features.HashIndex (an open-addressing table of uint64 word hashes, 4 slots per
 * key, with a one-bit-per-slot filter in front) and features.HashFilter, read as
 * their numpy code reads them, one hash at a time instead of one probe round at a
 * time over all hashes.
 */
typedef struct {
    const uint64_t *keys;
    const int16_t *vals;
    const uint8_t *used;
    uint64_t mask;     /* slots - 1 */
    int shift;         /* 64 - log2(slots) */
    const uint8_t *filter; /* one bit per filter slot, slot s at bit s % 8 of byte s / 8 */
    int fshift;        /* 64 - log2(filter slots) */
    uint64_t mul, mul2;
} Index;

/* Is bit s of the packed bits set? (np.packbits(..., bitorder="little")) */
static inline int
bit_set(const uint8_t *bits, uint64_t s)
{
    return (bits[s >> 3] >> (s & 7)) & 1;
}

/* The class of hash h, 0 when absent (HashIndex.get for one hash). The table always has a
   free slot (checked when the arguments are read), so the probe ends. */
static inline int64_t
index_get(const Index *ix, uint64_t h)
{
    if (!bit_set(ix->filter, (h * ix->mul2) >> ix->fshift)) {
        return 0;
    }
    uint64_t slot = (h * ix->mul) >> ix->shift;
    while (ix->used[slot]) {
        if (ix->keys[slot] == h) {
            return ix->vals[slot];
        }
        slot = (slot + 1) & ix->mask;
    }
    return 0;
}

/* log2 of n when n is a power of two >= 2, else -1 */
static int
log2_exact(Py_ssize_t n)
{
    int k = 0;
    if (n < 2 || (n & (n - 1)) != 0) {
        return -1;
    }
    while (((Py_ssize_t)1 << k) < n) {
        k++;
    }
    return k;
}

/*
 * Read an index from its arrays (HashIndex.keys, vals, used, and its filter packed to bits,
 * np.packbits(filter, bitorder="little"): b[0..4)) and shifts,
 * checking that every slot a hash can reach exists and that some slot is free.
 * Returns 0, or -1 with ValueError set.
 */
static int
get_index(PyObject *const *objs, int shift, int fshift, uint64_t mul, uint64_t mul2, Py_buffer *b, Index *ix)
{
    if (get_buffer(objs[0], &b[0], "keys", K_U64, 1, 0) < 0 || get_buffer(objs[1], &b[1], "vals", K_I16, 1, 0) < 0 ||
        get_buffer(objs[2], &b[2], "used", K_BOOL, 1, 0) < 0 || get_buffer(objs[3], &b[3], "filter", K_BOOL, 1, 0) < 0) {
        return -1;
    }
    Py_ssize_t size = b[0].shape[0];
    int bits = log2_exact(size), fbits = log2_exact(b[3].shape[0] * 8);
    if (bits < 0 || b[1].shape[0] != size || b[2].shape[0] != size || shift != 64 - bits || fbits < 0 ||
        fshift != 64 - fbits) {
        PyErr_SetString(PyExc_ValueError, "keys, vals and used must have the same power-of-two size, with shift "
                                          "64 - log2(size); filter a power-of-two number of bits (packed), with "
                                          "fshift 64 - log2(bits)");
        return -1;
    }
    const uint8_t *used = b[2].buf;
    Py_ssize_t free_slots = 0;
    for (Py_ssize_t i = 0; i < size && free_slots == 0; i++) {
        free_slots += used[i] == 0;
    }
    if (free_slots == 0) {
        PyErr_SetString(PyExc_ValueError, "the index has no free slot");
        return -1;
    }
    ix->keys = b[0].buf;
    ix->vals = b[1].buf;
    ix->used = used;
    ix->mask = (uint64_t)size - 1;
    ix->shift = shift;
    ix->filter = b[3].buf;
    ix->fshift = fshift;
    ix->mul = mul;
    ix->mul2 = mul2;
    return 0;
}

PyDoc_STRVAR(index_get_doc,
             "index_get(keys, vals, used, filter, shift, fshift, mul, mul2, hashes, out)\n--\n\n"
             "out[i] = the class of hashes[i] in the features.HashIndex held by keys (uint64), vals (int16),\n"
             "used (bool) and filter (its bool slots packed to bits, np.packbits(..., bitorder='little')), or 0:\n"
             "what HashIndex.get gives. hashes: (n,) uint64; out: (n,) int64.");

static PyObject *
chain_index_get(PyObject *self, PyObject *args)
{
    PyObject *o[4], *ohash, *oout;
    int shift, fshift;
    unsigned long long mul, mul2;
    (void)self;
    if (!PyArg_ParseTuple(args, "OOOOiiKKOO:index_get", &o[0], &o[1], &o[2], &o[3], &shift, &fshift, &mul, &mul2,
                          &ohash, &oout)) {
        return NULL;
    }
    Py_buffer b[6];
    memset(b, 0, sizeof(b));
    Index ix;
    if (get_index(o, shift, fshift, (uint64_t)mul, (uint64_t)mul2, b, &ix) < 0 ||
        get_buffer(ohash, &b[4], "hashes", K_U64, 1, 0) < 0 || get_buffer(oout, &b[5], "out", K_I64, 1, 1) < 0) {
        release_all(b, 6);
        return NULL;
    }
    Py_ssize_t n = b[4].shape[0];
    if (b[5].shape[0] != n) {
        PyErr_SetString(PyExc_ValueError, "out must have one entry per hash");
        release_all(b, 6);
        return NULL;
    }
    const uint64_t *h = b[4].buf;
    int64_t *out = b[5].buf;
    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t i = 0; i < n; i++) {
        out[i] = index_get(&ix, h[i]);
    }
    Py_END_ALLOW_THREADS
    release_all(b, 6);
    Py_RETURN_NONE;
}

/* Longest dictionary entry gazetteer() looks for (features.GAZ_MAX is 10). */
#define GAZ_MAX_LEN 64

PyDoc_STRVAR(gazetteer_doc,
             "gazetteer(cp, keys, vals, used, filter, shift, fshift, mul, mul2, prefixes, pshift, word_p, max_len,\n"
             "          cover, start)\n--\n\n"
             "features.gazetteer_codes: the entries of the HashIndex (keys, vals, used, filter, shift, fshift,\n"
             "as for index_get) found in the text of code points cp (int64), looked up where the HashFilter\n"
             "`prefixes` (its slots packed to bits as filter, pshift) may hold the first two characters;\n"
             "word hashes sum((cp[j] + 7) * word_p**j).\n"
             "Fills cover and start ((n,) int64, zeroed first) as gazetteer_codes, longer matches\n"
             "and then later ones written last.");

static PyObject *
chain_gazetteer(PyObject *self, PyObject *args)
{
    PyObject *ocp, *o[4], *opre, *ocover, *ostart;
    int shift, fshift, pshift, max_len;
    unsigned long long mul, mul2, word_p;
    (void)self;
    if (!PyArg_ParseTuple(args, "OOOOOiiKKOiKiOO:gazetteer", &ocp, &o[0], &o[1], &o[2], &o[3], &shift, &fshift, &mul,
                          &mul2, &opre, &pshift, &word_p, &max_len, &ocover, &ostart)) {
        return NULL;
    }
    Py_buffer b[8];
    memset(b, 0, sizeof(b));
    Index ix;
    if (get_index(o, shift, fshift, (uint64_t)mul, (uint64_t)mul2, b, &ix) < 0 ||
        get_buffer(ocp, &b[4], "cp", K_I64, 1, 0) < 0 || get_buffer(opre, &b[5], "prefixes", K_BOOL, 1, 0) < 0 ||
        get_buffer(ocover, &b[6], "cover", K_I64, 1, 1) < 0 || get_buffer(ostart, &b[7], "start", K_I64, 1, 1) < 0) {
        release_all(b, 8);
        return NULL;
    }
    Py_ssize_t n = b[4].shape[0];
    int pbits = log2_exact(b[5].shape[0] * 8);
    const char *bad = NULL;
    if (b[6].shape[0] != n || b[7].shape[0] != n) {
        bad = "cover and start must have one entry per code point";
    }
    else if (pbits < 0 || pshift != 64 - pbits) {
        bad = "prefixes must have a power-of-two number of bits (packed), with pshift 64 - log2(bits)";
    }
    else if (max_len < 2 || max_len > GAZ_MAX_LEN) {
        bad = "max_len must be in 2..64";
    }
    if (bad != NULL) {
        return bad_argument(b, 8, bad);
    }
    const int64_t *cp = b[4].buf;
    const uint8_t *pre = b[5].buf;
    int64_t *cover = b[6].buf, *start = b[7].buf;
    /* per place where an entry may start: its running hash, one character longer each round */
    Py_ssize_t *place = PyMem_RawMalloc(sizeof(Py_ssize_t) * (size_t)(n > 1 ? n : 1));
    uint64_t *hash = PyMem_RawMalloc(sizeof(uint64_t) * (size_t)(n > 1 ? n : 1));
    if (place == NULL || hash == NULL) {
        PyMem_RawFree(place);
        PyMem_RawFree(hash);
        release_all(b, 8);
        return PyErr_NoMemory();
    }
    Py_BEGIN_ALLOW_THREADS
    memset(cover, 0, sizeof(int64_t) * (size_t)n);
    memset(start, 0, sizeof(int64_t) * (size_t)n);
    const uint64_t P = (uint64_t)word_p;
    Py_ssize_t m = 0;
    for (Py_ssize_t p = 0; p + 1 < n; p++) {
        uint64_t h = ((uint64_t)cp[p] + 7) + ((uint64_t)cp[p + 1] + 7) * P;
        if (bit_set(pre, (h * ix.mul2) >> pshift)) {
            place[m] = p;
            hash[m++] = h;
        }
    }
    uint64_t pw = P; /* P ** (length - 1) */
    for (Py_ssize_t length = 2; length <= max_len && length <= n; length++) {
        if (length > 2) {
            pw *= P;
        }
        /* places are ascending: those where an entry of this length fits come first */
        Py_ssize_t k = 0;
        for (; k < m && place[k] <= n - length; k++) {
            Py_ssize_t p = place[k];
            if (length > 2) {
                hash[k] += ((uint64_t)cp[p + length - 1] + 7) * pw;
            }
            int64_t c = index_get(&ix, hash[k]);
            if (c <= 0) {
                continue;
            }
            start[p] = c * 16 + (length < 15 ? length : 15);
            cover[p] = c * 4 + 1;
            for (Py_ssize_t j = 1; j < length - 1; j++) {
                cover[p + j] = c * 4 + 2;
            }
            cover[p + length - 1] = c * 4 + 3;
        }
        m = k; /* the others are too close to the end for longer entries */
    }
    Py_END_ALLOW_THREADS
    PyMem_RawFree(place);
    PyMem_RawFree(hash);
    release_all(b, 8);
    Py_RETURN_NONE;
}

/* ---------------------------------------------------------- feature parts */

/* The parts features.feature_parts computes, in this order (rows of `out`). */
enum part {
    P_CM2, P_CM1, P_C0, P_CP1, P_CP2, P_BMES, P_LEXJT, P_WORD, P_PREVW, P_NEXTW, P_NLEXJT, P_CLS3, P_GAZC,
    P_GAZS, P_SUR, P_WSUR, P_SUR3, P_PREVWSUR, N_PARTS
};

/* features.char_classes of one code point: 0 padding, 1 Han, 2 digit, 3 upper, 4 lower, 5 punctuation, 6 other */
static inline int64_t
char_class(int64_t cp)
{
    if (cp == 1) { /* features.PAD */
        return 0;
    }
    if ((cp < 48) || (cp > 57 && cp < 65) || (cp > 90 && cp < 97) || (cp > 122 && cp < 128) ||
        (cp >= 0x3000 && cp < 0x3040) || (cp >= 0xFF00 && cp < 0xFF10) || (cp >= 0x2000 && cp < 0x2070)) {
        return 5;
    }
    if (cp >= 97 && cp <= 122) {
        return 4;
    }
    if (cp >= 65 && cp <= 90) {
        return 3;
    }
    if (cp >= 48 && cp <= 57) {
        return 2;
    }
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp < 0x4DC0)) {
        return 1;
    }
    return 6;
}

PyDoc_STRVAR(feature_parts_doc,
             "feature_parts(cp, char_word, starts, ends, hashes, lexjt, gaz_cover, gaz_start, sur, wsur, src, out)\n--\n\n"
             "The parts of features.feature_parts for the padded rows src (int64, -1 padding) of a text of\n"
             "code points cp (int64), one row of out ((18, len(src)) int64) per part in the order c-2, c-1, c0,\n"
             "c+1, c+2, bmes, lex|jtag, word, prevword, nextword, nextlex|nextjtag, cls-1cls0cls+1, gaz cover,\n"
             "gaz start, sur, wsur, sur-1sur0sur+1, prevwsur. Per character: char_word (its word), and where\n"
             "not empty gaz_cover, gaz_start, sur; per word: starts, ends, hashes (uint64 bits as int64),\n"
             "lexjt (lex * 16 + jtag), and where not empty wsur. Empty optional arrays give zeros.");

static PyObject *
chain_feature_parts(PyObject *self, PyObject *args)
{
    PyObject *o[12];
    (void)self;
    if (!PyArg_ParseTuple(args, "OOOOOOOOOOOO:feature_parts", &o[0], &o[1], &o[2], &o[3], &o[4], &o[5], &o[6],
                          &o[7], &o[8], &o[9], &o[10], &o[11])) {
        return NULL;
    }
    static const char *names[12] = {"cp", "char_word", "starts", "ends", "hashes", "lexjt", "gaz_cover",
                                    "gaz_start", "sur", "wsur", "src", "out"};
    Py_buffer b[12];
    memset(b, 0, sizeof(b));
    for (int k = 0; k < 12; k++) {
        if (get_buffer(o[k], &b[k], names[k], K_I64, k == 11 ? 2 : 1, k == 11) < 0) {
            release_all(b, 12);
            return NULL;
        }
    }
    const Py_ssize_t N = b[0].shape[0], W = b[2].shape[0], n = b[10].shape[0];
    const char *bad = NULL;
    if (b[1].shape[0] != N) {
        bad = "char_word must have one entry per code point";
    }
    else if (b[3].shape[0] != W || b[4].shape[0] != W || b[5].shape[0] != W) {
        bad = "starts, ends, hashes and lexjt must have one entry per word";
    }
    else if ((b[6].shape[0] != N && b[6].shape[0] != 0) || (b[7].shape[0] != N && b[7].shape[0] != 0) ||
             (b[8].shape[0] != N && b[8].shape[0] != 0)) {
        bad = "gaz_cover, gaz_start and sur must have one entry per code point, or none";
    }
    else if (b[9].shape[0] != W && b[9].shape[0] != 0) {
        bad = "wsur must have one entry per word, or none";
    }
    else if (b[11].shape[0] != N_PARTS || b[11].shape[1] != n) {
        bad = "out must have shape (18, len(src))";
    }
    const int64_t *cp = b[0].buf, *cw = b[1].buf, *st = b[2].buf, *en = b[3].buf, *src = b[10].buf;
    for (Py_ssize_t i = 0; bad == NULL && i < n; i++) {
        if (src[i] < -1 || src[i] >= N) {
            bad = "src entries must be -1 or code point indices";
        }
    }
    for (Py_ssize_t i = 0; bad == NULL && i < N; i++) {
        if (cw[i] < 0 || cw[i] >= W) {
            bad = "char_word entries must be word indices";
        }
    }
    if (bad != NULL) {
        return bad_argument(b, 12, bad);
    }
    const int64_t *hz = b[4].buf, *lj = b[5].buf;
    const int64_t *gcov = b[6].shape[0] ? b[6].buf : NULL, *gst = b[7].shape[0] ? b[7].buf : NULL;
    const int64_t *sur = b[8].shape[0] ? b[8].buf : NULL, *wsur = b[9].shape[0] ? b[9].buf : NULL;
    int64_t *out = b[11].buf;
    int64_t *P[N_PARTS];
    for (int k = 0; k < N_PARTS; k++) {
        P[k] = out + (Py_ssize_t)k * n;
    }
    Py_BEGIN_ALLOW_THREADS
    /* per row: what it reads of its own character and word (padding: PAD, no word) */
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_ssize_t s = src[i];
        if (s < 0) {
            P[P_C0][i] = 1; /* PAD */
            P[P_CLS3][i] = 0;
            P[P_BMES][i] = 0;
            P[P_WORD][i] = 0;
            P[P_PREVW][i] = 1;
            P[P_NEXTW][i] = 1;
            P[P_LEXJT][i] = 0;
            P[P_NLEXJT][i] = 0;
            P[P_GAZC][i] = 0;
            P[P_GAZS][i] = 0;
            P[P_SUR][i] = 0;
            P[P_WSUR][i] = 0;
            P[P_PREVWSUR][i] = 0;
            continue;
        }
        int64_t raw = cp[s];
        P[P_C0][i] = raw >= 48 && raw <= 57 ? 48 : raw; /* all digits alike */
        P[P_CLS3][i] = char_class(raw);                /* the class itself for now: combined below */
        Py_ssize_t w = cw[s];
        int64_t ws = st[w], we = en[w];
        P[P_BMES][i] = we - ws == 1 ? 4 : s == ws ? 1 : s == we - 1 ? 3 : 2;
        P[P_WORD][i] = hz[w];
        P[P_PREVW][i] = w > 0 ? hz[w - 1] : 1;
        P[P_NEXTW][i] = w + 1 < W ? hz[w + 1] : 1;
        P[P_LEXJT][i] = lj[w];
        P[P_NLEXJT][i] = w + 1 < W ? lj[w + 1] : 0;
        P[P_GAZC][i] = gcov != NULL ? gcov[s] : 0;
        P[P_GAZS][i] = gst != NULL ? gst[s] : 0;
        P[P_SUR][i] = sur != NULL ? sur[s] : 0;
        P[P_WSUR][i] = wsur != NULL ? wsur[w] : 0;
        P[P_PREVWSUR][i] = wsur != NULL && w > 0 ? wsur[w - 1] : 0;
    }
    /* neighbours in row order (padding rows included), PAD or 0 past either end */
    for (Py_ssize_t i = 0; i < n; i++) {
        const int64_t *c = P[P_C0], *f = P[P_SUR];
        P[P_CM2][i] = i >= 2 ? c[i - 2] : 1;
        P[P_CM1][i] = i >= 1 ? c[i - 1] : 1;
        P[P_CP1][i] = i + 1 < n ? c[i + 1] : 1;
        P[P_CP2][i] = i + 2 < n ? c[i + 2] : 1;
        P[P_SUR3][i] = (i >= 1 ? f[i - 1] : 0) * 16 + f[i] * 4 + (i + 1 < n ? f[i + 1] : 0);
    }
    /* the class window, in place from the right: row i still holds its own class when read */
    int64_t *cls = P[P_CLS3], next = 0;
    for (Py_ssize_t i = n - 1; i >= 0; i--) {
        int64_t own = cls[i];
        cls[i] = (i >= 1 ? cls[i - 1] : 0) * 64 + own * 8 + next;
        next = own;
    }
    Py_END_ALLOW_THREADS
    release_all(b, 12);
    Py_RETURN_NONE;
}

/* ------------------------------------------------------------ word spans */

PyDoc_STRVAR(word_spans_doc,
             "word_spans(words, cp, word_p, starts, ends, hashes)\n--\n\n"
             "Where each word of the list `words` (str) starts and ends when they are laid end to end, and\n"
             "its hash sum((cp[j] + 7) * word_p**(j - start)) (uint64) over its code points in cp (int64),\n"
             "as features.word_hashes: into starts, ends (int64) and hashes (uint64), one entry per word.\n"
             "ValueError when there are words and they do not cover cp exactly.");

static PyObject *
chain_word_spans(PyObject *self, PyObject *args)
{
    PyObject *owords, *ocp, *ost, *oen, *ohz;
    unsigned long long word_p;
    (void)self;
    if (!PyArg_ParseTuple(args, "O!OKOOO:word_spans", &PyList_Type, &owords, &ocp, &word_p, &ost, &oen, &ohz)) {
        return NULL;
    }
    Py_buffer b[4];
    memset(b, 0, sizeof(b));
    if (get_buffer(ocp, &b[0], "cp", K_I64, 1, 0) < 0 || get_buffer(ost, &b[1], "starts", K_I64, 1, 1) < 0 ||
        get_buffer(oen, &b[2], "ends", K_I64, 1, 1) < 0 || get_buffer(ohz, &b[3], "hashes", K_U64, 1, 1) < 0) {
        release_all(b, 4);
        return NULL;
    }
    const Py_ssize_t W = PyList_GET_SIZE(owords), N = b[0].shape[0];
    const char *bad = NULL;
    if (b[1].shape[0] != W || b[2].shape[0] != W || b[3].shape[0] != W) {
        bad = "starts, ends and hashes must have one entry per word";
    }
    int64_t *st = b[1].buf, *en = b[2].buf;
    Py_ssize_t pos = 0;
    for (Py_ssize_t w = 0; bad == NULL && w < W; w++) {
        PyObject *word = PyList_GET_ITEM(owords, w);
        if (!PyUnicode_Check(word)) {
            bad = "words must be str";
            break;
        }
        st[w] = pos;
        pos += PyUnicode_GET_LENGTH(word);
        en[w] = pos;
    }
    if (bad == NULL && W > 0 && pos != N) {
        bad = "segmentation does not cover the text";
    }
    if (bad != NULL) {
        return bad_argument(b, 4, bad);
    }
    const int64_t *cp = b[0].buf;
    uint64_t *hz = b[3].buf;
    const uint64_t P = (uint64_t)word_p;
    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t w = 0; w < W; w++) {
        uint64_t h = 0, pw = 1;
        for (int64_t j = st[w]; j < en[w]; j++) {
            h += ((uint64_t)cp[j] + 7) * pw;
            pw *= P;
        }
        hz[w] = h;
    }
    Py_END_ALLOW_THREADS
    release_all(b, 4);
    Py_RETURN_NONE;
}

/* ------------------------------------------------------------------- module */

static PyMethodDef chain_methods[] = {
    {"emissions", chain_emissions, METH_VARARGS, emissions_doc},
    {"emissions_hashed", chain_emissions_hashed, METH_VARARGS, emissions_hashed_doc},
    {"viterbi", chain_viterbi, METH_VARARGS, viterbi_doc},
    {"index_get", chain_index_get, METH_VARARGS, index_get_doc},
    {"gazetteer", chain_gazetteer, METH_VARARGS, gazetteer_doc},
    {"feature_parts", chain_feature_parts, METH_VARARGS, feature_parts_doc},
    {"word_spans", chain_word_spans, METH_VARARGS, word_spans_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef chain_module = {
    PyModuleDef_HEAD_INIT,
    "_chain",
    "Compiled kernels for the entity tagger (emission gather-sum, BIO Viterbi); see crf.py.",
    -1,
    chain_methods,
    NULL,
    NULL,
    NULL,
    NULL,
};

PyMODINIT_FUNC
PyInit__chain(void)
{
    PyObject *m = PyModule_Create(&chain_module);
    if (m == NULL) {
        return NULL;
    }
    /* The sha256 of _chain.c this module was built from (set by setup.py): a
       test compares it with the checkout's file to catch a stale build. */
    if (PyModule_AddStringConstant(m, "SOURCE_SHA256", CHAIN_SOURCE_SHA256) < 0) {
        Py_DECREF(m);
        return NULL;
    }
#if HAVE_F16C_BUILD
    __builtin_cpu_init();
    have_f16c = __builtin_cpu_supports("f16c") && __builtin_cpu_supports("avx");
    have_avx = __builtin_cpu_supports("avx");
#endif
    /* 1 when emissions take float16 weights on this CPU */
    if (PyModule_AddIntConstant(m, "F16C", have_f16c) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
