# Trigger-point explorer: one Streamlit process on port 8501.
# Build: docker build -t triggermap .    Run: docker run --rm -p 8501:8501 triggermap
# For more users run several containers behind a sticky load balancer (deploy/README.md).

# The base is pinned by digest: a tag can be re-pushed, a digest cannot. This is the multi-arch index digest
# of python:3.11.10-slim-bookworm as recorded by a Renovate-maintained public Dockerfile (nalabelle/build,
# images/digests.Dockerfile); it could not be pulled or checked on the machine this was written on (no
# registry access). Refresh and verify it with:
#   docker buildx imagetools inspect python:3.11-slim-bookworm --format '{{json .Manifest.Digest}}'
ARG PYTHON_IMAGE=python:3.11.10-slim-bookworm@sha256:5148c0e4bbb64271bca1d3322360ebf4bfb7564507ae32dd639322e4952a6b16

# Build stage: install the locked packages into /install and remove what the app never loads (tests, headers,
# pyarrow's Flight and cloud file systems, pydeck's Jupyter bundle, symbol tables: deploy/slim_packages.sh).
# Only /install reaches the image, so binutils (for strip) and pip's downloads stay behind.
FROM ${PYTHON_IMAGE} AS packages
RUN apt-get update && apt-get install -y --no-install-recommends binutils && rm -rf /var/lib/apt/lists/*
COPY requirements.lock deploy/slim_packages.sh /tmp/
RUN pip install --no-cache-dir --no-compile --prefix=/install --require-hashes -r /tmp/requirements.lock \
    && sh /tmp/slim_packages.sh /install

FROM ${PYTHON_IMAGE}
# No Chromium: the handout picture is drawn as SVG, so the image needs no browser (it was 983 MB of 1.77 GB).
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    STREAMLIT_BROWSER_GATHER_USAGE_STATS=false

RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin app
WORKDIR /app

# Dependencies first so that code edits reuse the cached layer.
COPY --from=packages /install /usr/local

# Code and data belong to root and are read-only to the app user: a compromised session cannot rewrite the
# app, its data or its config. Bytecode is written now, since the app user cannot write it later: for the app,
# and for just the installed modules the app imports (a served page and every page once, deploy/warm_bytecode.py;
# all of them would add 66 MiB, these 27). The warm-up fails the build if a page fails.
COPY . .
RUN chmod -R go-w /app && python -m compileall -q /app \
    && PYTHONDONTWRITEBYTECODE= PYTHONPATH=/app python deploy/warm_bytecode.py && rm -rf /root/.streamlit
USER app

EXPOSE 8501
# Healthy only when the data files load (the CLI exits 1 on any broken file) and the server answers.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD python -m triggermap info --json > /dev/null \
        && python -c "import urllib.request as u; u.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)"

# No file watcher in production: code does not change under a running container.
CMD ["streamlit", "run", "explorer.py", "--server.address=0.0.0.0", "--server.port=8501", \
     "--server.headless=true", "--server.fileWatcherType=none", "--server.runOnSave=false"]
