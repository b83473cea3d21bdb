# Trigger-point explorer: one Streamlit process on port 8501.
# Build: docker build -t triggermap .    Run: docker run --rm -p 8501:8501 triggermap
# For more users run several containers behind a sticky load balancer (deploy/README.md).
FROM python:3.11-slim

# Chromium lets kaleido draw the body picture on PDF handouts; without it (--build-arg WITH_CHROMIUM=0)
# handouts fall back to text only and the image is ~300 MB smaller.
ARG WITH_CHROMIUM=1
RUN if [ "$WITH_CHROMIUM" = "1" ]; then \
        apt-get update \
        && apt-get install -y --no-install-recommends chromium \
        && rm -rf /var/lib/apt/lists/*; \
    fi

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    BROWSER_PATH=/usr/bin/chromium \
    STREAMLIT_BROWSER_GATHER_USAGE_STATS=false

RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin app
WORKDIR /app

# Dependencies first so that code edits reuse the cached layer.
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY --chown=app:app . .
USER app

EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; r = urllib.request.urlopen('http://localhost:8501/_stcore/health', timeout=4); sys.exit(0 if r.status == 200 else 1)"]

# No file watcher in production: code does not change under a running container.
CMD ["streamlit", "run", "explorer.py", "--server.address=0.0.0.0", "--server.port=8501", \
     "--server.headless=true", "--server.fileWatcherType=none", "--server.runOnSave=false"]
