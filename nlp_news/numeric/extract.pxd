# Cython declarations for extract.py, read only when the build compiles it (setup.py): the .py stays plain
# Python and runs the same without them. The scanner is an extension type whose fields are C struct members,
# and the positions of its hot methods are C integers, so slicing the text needs no Python int.
# A name typed here must only ever hold that type in its method (every assignment to a position is an int)
# and must not be a comprehension's loop variable there (it would be typed too); the methods
# declared hold no generator expression or lambda (Cython compiles none inside a cpdef method).
# cnews-800's facts are byte-identical with and without these declarations (tests/test_numeric_compiled.py
# compares the compiled and the source scanner on the samples and every table case).
cimport cython

cdef class _Scanner:
    cdef public str text
    cdef public str f
    cdef public object pub
    cdef public list cands
    cdef public Py_ssize_t reach
    cdef public Py_ssize_t date_tried
    cdef public object segmenter

    cpdef add(self, made, Py_ssize_t start, Py_ssize_t end, int prio)

    @cython.locals(f=str, s=Py_ssize_t, e=Py_ssize_t, nxt=str, prev=str, i=Py_ssize_t, start=Py_ssize_t, end=Py_ssize_t, last_end=Py_ssize_t, text=str)
    cpdef list run(self, Py_ssize_t offset=*, make=*)

    @cython.locals(f=str, lo=Py_ssize_t, st=Py_ssize_t)
    cpdef dates_at(self, Py_ssize_t s, bint force=*)

    @cython.locals(f=str, lo=Py_ssize_t, new=Py_ssize_t, b_at=Py_ssize_t)
    cpdef tuple left(self, Py_ssize_t start, bint after_pass=*)

    @cython.locals(f=str, start=Py_ssize_t, end=Py_ssize_t, tend=Py_ssize_t, s2=Py_ssize_t, e2=Py_ssize_t, core=str, arabic=bint)
    cpdef number(self, m, str nxt, str prev)

    @cython.locals(start=Py_ssize_t, end=Py_ssize_t)
    cpdef date(self, m)

    @cython.locals(f=str, start=Py_ssize_t, end=Py_ssize_t, s2=Py_ssize_t)
    cpdef led(self, m, str core, bint arabic, str nxt, str prev)

    @cython.locals(f=str, s2=Py_ssize_t, e2=Py_ssize_t, nxt=str)
    cpdef bare(self, Py_ssize_t start, Py_ssize_t end, str core, value, low_high, over, bint arabic, g, Py_ssize_t tend)

    @cython.locals(end=Py_ssize_t)
    cpdef ordinal(self, m)

    cpdef change(self, Py_ssize_t start)
    cpdef covered(self, pos)
    cpdef right_bound(self, Py_ssize_t end)
