"""Make Whoosh's unpickling of index files safe: only allow-listed classes can be loaded.

Whoosh stores its table of contents (segment list, schema), posting-block headers and
stored fields as pickles. `pickle.loads` on a file from elsewhere can run any code (a
`__reduce__` that calls `os.system`). `install()` replaces the module-level `loads`/`load`
references Whoosh reads index files with by a restricted unpickler whose `find_class` only
admits the Whoosh classes an index legitimately contains and a few builtins; anything else
raises `pickle.UnpicklingError`, which the store reports as `IndexCorrupt`.

Patched references (whoosh-reloaded 2.7.5; re-check when upgrading Whoosh):
`whoosh.index.pickle` (TOC schema), `whoosh.filedb.structfile.load_pickle` (TOC segments,
column headers, compound-file directory), `loads` in `whoosh.codec.whoosh3`,
`whoosh.codec.plaintext`, `whoosh.columns` (stored fields),
`whoosh.formats`, and `whoosh.util.loading.RenamingUnpickler`
(legacy TOC formats).
`whoosh.codec.whoosh2` and `whoosh.filedb.misc` cannot even be imported in this Whoosh
release, so they read nothing. Whoosh's writer-side temp files (`multiproc`, `externalsort`) are
written and read by the same process tree and are not patched.
"""

from __future__ import annotations

import importlib
import io
import pickle
import types
from typing import IO

_SAFE_BUILTINS: frozenset[tuple[str, str]] = frozenset(
    (module, name)
    for module in ("builtins", "__builtin__")  # protocol 2 pickles name builtins __builtin__
    for name in (
        "dict",
        "list",
        "set",
        "frozenset",
        "tuple",
        "str",
        "bytes",
        "bytearray",
        "int",
        "float",
        "bool",
        "complex",
        "object",
        "slice",
        "range",
        "long",  # Python 2 names that protocol-2 pickles map to int and str
        "unicode",
    )
) | {
    ("datetime", "datetime"),
    ("datetime", "date"),
    ("datetime", "timedelta"),
    ("array", "array"),
    ("array", "_array_reconstructor"),
    ("copyreg", "_reconstructor"),
    ("copy_reg", "_reconstructor"),
    ("_codecs", "encode"),  # pickle protocol 2 (Whoosh stored fields) writes bytes
    ("re", "_compile"),  # a pickled schema's tokenizer pattern
    ("collections", "OrderedDict"),
    ("collections", "defaultdict"),
}
"""Builtins and stdlib types that only build data."""

_WHOOSH_MODULES: frozenset[str] = frozenset(
    {
        "whoosh.codec.whoosh3",
        "whoosh.codec.base",
        "whoosh.fields",
        "whoosh.formats",
        "whoosh.columns",
        "whoosh.idsets",
        "whoosh.analysis.analyzers",
        "whoosh.analysis.tokenizers",
        "whoosh.analysis.filters",
        "whoosh.analysis.morph",
        "whoosh.analysis.intraword",
        "whoosh.analysis.ngrams",
        "whoosh.lang.porter",
        "whoosh.lang.stopwords",
        "index.store.analysis",
    }
)
"""Modules whose *classes* (never functions) may appear in an index pickle."""


def _allowed(module: str, name: str) -> bool:
    if (module, name) in _SAFE_BUILTINS:
        return True
    if module not in _WHOOSH_MODULES or name.startswith("_") or "." in name:
        return False
    # Classes only: a module-level function in an allowed module could still be a gadget.
    return isinstance(getattr(importlib.import_module(module), name, None), type)


class RestrictedUnpickler(pickle.Unpickler):
    """An unpickler that loads only allow-listed classes."""

    def find_class(self, module: str, name: str) -> type:
        """Return the class if it is allowed, else raise `pickle.UnpicklingError`."""
        if not _allowed(module, name):
            raise pickle.UnpicklingError(f"forbidden global in index file: {module}.{name}")
        found: type = super().find_class(module, name)
        return found


def restricted_loads(data: bytes) -> object:
    """`pickle.loads` restricted to allow-listed classes."""
    # A buffered reader, not the bare BytesIO: the C unpickler prefetches through `peek`, so
    # an unframed pickle (protocol 3, as posting blocks are written) is not read an opcode
    # at a time through Python calls (4x slower for posting blocks).
    return RestrictedUnpickler(io.BufferedReader(io.BytesIO(data))).load()


def restricted_load(file: IO[bytes]) -> object:
    """`pickle.load` restricted to allow-listed classes."""
    return RestrictedUnpickler(file).load()


def _restricted_pickle_module() -> types.SimpleNamespace:
    """A stand-in for the `pickle` module whose loads/load are restricted."""
    return types.SimpleNamespace(
        loads=restricted_loads,
        load=restricted_load,
        dumps=pickle.dumps,
        dump=pickle.dump,
        PicklingError=pickle.PicklingError,
        UnpicklingError=pickle.UnpicklingError,
        HIGHEST_PROTOCOL=pickle.HIGHEST_PROTOCOL,
    )


_installed = False


def install() -> None:
    """Patch Whoosh's unpickling references (idempotent; called when the store loads)."""
    global _installed
    if _installed:
        return
    import whoosh.codec.plaintext
    import whoosh.codec.whoosh3
    import whoosh.columns
    import whoosh.filedb.structfile
    import whoosh.formats
    import whoosh.index
    import whoosh.util.loading

    whoosh.index.pickle = _restricted_pickle_module()
    whoosh.filedb.structfile.load_pickle = restricted_load
    for module in (
        whoosh.codec.whoosh3,
        whoosh.codec.plaintext,
        whoosh.columns,
        whoosh.formats,
    ):
        module.loads = restricted_loads
    whoosh.util.loading.RenamingUnpickler.find_class = _renaming_find_class
    _installed = True


def _renaming_find_class(self: pickle.Unpickler, module: str, name: str) -> type:
    """`RenamingUnpickler.find_class` with the allow-list applied after renaming."""
    fullname = f"{module}.{name}"
    mapped = self._objmap.get(fullname)  # type: ignore[attr-defined]  # whoosh attribute
    if mapped:
        module, _, name = str(mapped).rpartition(".")
    if not _allowed(module, name):
        raise pickle.UnpicklingError(f"forbidden global in index file: {module}.{name}")
    found: type = pickle.Unpickler.find_class(self, module, name)
    return found
