#!/bin/sh
# Remove from installed packages what the app never loads, so the image stays small; print MiB before/after.
#
#   deploy/slim_packages.sh PREFIX        (a venv, or pip install --prefix's folder: PREFIX/lib/python3.*/site-packages)
#
# Used by the Dockerfile's build stage; run it on a scratch venv to check the app still works without these files
# (deploy/README.md, "Image size"). Every removal is a file the running app was seen not to open: the pyarrow
# libraries below never appear in /proc/PID/maps after a visit to every page, and the rest are tests, C headers,
# Cython sources and a Jupyter extension. Shared libraries lose their symbol tables (`strip --strip-unneeded`,
# when binutils is present), which only debuggers read.
set -eu

PREFIX="${1:?usage: deploy/slim_packages.sh PREFIX}"
SITE="$(ls -d "$PREFIX"/lib/python3.*/site-packages 2> /dev/null | head -n 1)"
[ -n "$SITE" ] && [ -d "$SITE/streamlit" ] \
    || { echo "slim_packages: no site-packages with streamlit under $PREFIX/lib" >&2; exit 2; }
mib() { du -sm "$PREFIX" | cut -f1; }
before="$(mib)"

# Test suites shipped inside packages (pandas alone ships 18 MiB): nothing imports them at run time.
find "$SITE" -depth -type d -name tests -path "*/site-packages/*/*" -prune \
    -exec rm -rf {} +
find "$SITE" -depth -type d -name __pycache__ -exec rm -rf {} +

# pyarrow: Flight RPC, cloud and HDFS file systems, ORC, its C++ test hooks, headers and Cython sources.
# libarrow_python.so and .so.2600.1.0 are copies of .so.2600 (wheels cannot hold symlinks) kept for linking
# other extensions against pyarrow; the loader only opens the .so.2600 that the modules name.
PA="$SITE/pyarrow"
if [ -d "$PA" ]; then
    rm -rf "$PA/include" "$PA/src" "$PA/flight.py"
    rm -f "$PA"/libarrow_flight.so* "$PA"/libarrow_python_flight.so* "$PA"/_flight*.so \
          "$PA"/libarrow_s3.so* "$PA"/_s3fs*.so "$PA"/_gcsfs*.so "$PA"/_azurefs*.so "$PA"/_hdfs*.so \
          "$PA"/_orc*.so "$PA"/_dataset_orc*.so "$PA"/_pyarrow_cpp_tests*.so \
          "$PA"/libarrow_python.so "$PA"/libarrow_python.so.*.*.* \
          "$PA"/libarrow_python_parquet_encryption.so "$PA"/libarrow_python_parquet_encryption.so.*.*.*
    find "$PA" \( -name "*.pyx" -o -name "*.pxd" -o -name "*.pxi" -o -name "*.h" -o -name "*.cc" \) -delete
fi

# pydeck's Jupyter widget bundle, installed twice (23 MiB each): Streamlit draws deck.gl maps with its own
# frontend, and the app has none. fontTools' manual page goes too.
rm -rf "$SITE/pydeck/nbextension" "$PREFIX/share/jupyter" "$PREFIX/etc/jupyter" "$PREFIX/share/man"

if command -v strip > /dev/null; then
    # not the vendored libraries in *.libs/: auditwheel rewrote their headers, and strip breaks them
    # (numpy then fails with "ELF load command address/offset not page-aligned")
    find "$SITE" -type f -name "*.so*" ! -path "*.libs/*" -exec strip --strip-unneeded {} + \
        || echo "slim_packages: strip could not read some libraries; they are left as they were" >&2
fi
echo "slim_packages: $before MiB -> $(mib) MiB in $PREFIX"
