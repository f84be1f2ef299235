/*
 * _sums.c: the label stage's one loop in C.
 *
 * add_rows(q, idx, rows, out): for every feature occurrence i,
 *     out[rows[i], :] += q[idx[i], :]
 * with q an int8 matrix (the quantised weights of a head, R x K), idx and
 * rows int64 vectors of the same length, out an int32 matrix (texts x K).
 * int32 sums of int8 rows are exact, so the result equals numpy's
 * np.add.reduceat(np.take(q, idx, axis=0), ..., dtype=np.int32) that
 * nlp_news.labels.models.block_sums runs without this module, without the
 * gathered copy of every row (a 27-byte row per occurrence: 7 MB a batch).
 *
 * CPython C API and the buffer protocol only (no numpy headers at build time),
 * like nlp_news/entities/_chain.c; built by setup.py as an optional extension.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

/* Rows fetched this many occurrences ahead. */
#define AHEAD 32

#ifndef SUMS_SOURCE_SHA256
#define SUMS_SOURCE_SHA256 "unknown"
#endif

/* The buffer's items are `size`-byte integers ('b', 'i', 'l', 'q' and friends). */
static int
is_int(const Py_buffer *b, Py_ssize_t size)
{
    const char *f = b->format ? b->format : "B";
    if (*f == '<' || *f == '=' || *f == '@' || *f == '!' || *f == '>') {
        f++;
    }
    return b->itemsize == size && f[0] != '\0' && f[1] == '\0' && strchr("bhilqn", f[0]) != NULL;
}

static int
get(PyObject *obj, Py_buffer *b, const char *name, Py_ssize_t size, int ndim, int writable)
{
    int flags = PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0);
    if (PyObject_GetBuffer(obj, b, flags) < 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_ValueError, "%s must be a C-contiguous%s %dD array of %zd-byte integers", name,
                     writable ? " writable" : "", ndim, size);
        return -1;
    }
    if (b->ndim != ndim || !is_int(b, size)) {
        PyErr_Format(PyExc_ValueError, "%s must be a %dD array of %zd-byte signed integers (got %dD, format %s)",
                     name, ndim, size, b->ndim, b->format ? b->format : "B");
        PyBuffer_Release(b);
        return -1;
    }
    return 0;
}

static PyObject *
add_rows(PyObject *self, PyObject *args)
{
    PyObject *oq, *oidx, *orows, *oout;
    Py_buffer b[4];
    memset(b, 0, sizeof b);
    if (!PyArg_ParseTuple(args, "OOOO:add_rows", &oq, &oidx, &orows, &oout)) {
        return NULL;
    }
    if (get(oq, &b[0], "q", 1, 2, 0) < 0 || get(oidx, &b[1], "idx", 8, 1, 0) < 0
        || get(orows, &b[2], "rows", 8, 1, 0) < 0 || get(oout, &b[3], "out", 4, 2, 1) < 0) {
        for (int i = 0; i < 4; i++) {
            if (b[i].obj != NULL) {
                PyBuffer_Release(&b[i]);
            }
        }
        return NULL;
    }
    const Py_ssize_t n_rows = b[0].shape[0], k = b[0].shape[1];
    const Py_ssize_t n = b[1].shape[0], n_out = b[3].shape[0];
    const char *bad = NULL;
    if (b[2].shape[0] != n) {
        bad = "idx and rows must have the same length";
    } else if (b[3].shape[1] != k) {
        bad = "out must have as many columns as q";
    }
    const int8_t *q = (const int8_t *)b[0].buf;
    const int64_t *idx = (const int64_t *)b[1].buf, *rows = (const int64_t *)b[2].buf;
    int32_t *out = (int32_t *)b[3].buf;
    /* every index is checked first, so a bad one changes nothing */
    for (Py_ssize_t i = 0; bad == NULL && i < n; i++) {
        if (idx[i] < 0 || idx[i] >= n_rows) {
            bad = "idx holds a row outside q";
        } else if (rows[i] < 0 || rows[i] >= n_out) {
            bad = "rows holds a row outside out";
        }
    }
    if (bad != NULL) {
        for (int i = 0; i < 4; i++) {
            PyBuffer_Release(&b[i]);
        }
        PyErr_SetString(PyExc_ValueError, bad);
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t i = 0; i < n; i++) {
        /* the rows are scattered over the table (hashed features): fetch the one AHEAD later
           now, as the loop is bound by those cache misses, not by the additions */
        if (i + AHEAD < n) {
            const int8_t *next = q + idx[i + AHEAD] * k;
            __builtin_prefetch(next);
            __builtin_prefetch(next + k - 1); /* a row may straddle two cache lines */
        }
        const int8_t *src = q + idx[i] * k;
        int32_t *dst = out + rows[i] * k;
        for (Py_ssize_t j = 0; j < k; j++) {
            dst[j] += src[j];
        }
    }
    Py_END_ALLOW_THREADS
    for (int i = 0; i < 4; i++) {
        PyBuffer_Release(&b[i]);
    }
    Py_RETURN_NONE;
}

static PyMethodDef sums_methods[] = {
    {"add_rows", add_rows, METH_VARARGS,
     "add_rows(q, idx, rows, out): out[rows[i]] += q[idx[i]] for every i (int8 q, int64 idx and rows, int32 out)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef sums_module = {
    PyModuleDef_HEAD_INIT, "_sums", "The label stage's weight-row sums in C (see _sums.c).", -1, sums_methods,
};

PyMODINIT_FUNC
PyInit__sums(void)
{
    PyObject *m = PyModule_Create(&sums_module);
    if (m == NULL) {
        return NULL;
    }
    if (PyModule_AddStringConstant(m, "SOURCE_SHA256", SUMS_SOURCE_SHA256) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
