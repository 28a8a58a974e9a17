# Front-end assets, built with the same package.json as `make run`.
FROM node:20-bookworm-slim AS assets
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY assets ./assets
RUN mkdir -p static && npm run build

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 VAR_DIR=/app/var
WORKDIR /app
COPY pyproject.toml ./
RUN pip install --no-cache-dir --upgrade pip && pip install --no-cache-dir . \
    && useradd --system --create-home --home-dir /home/app app
COPY . .
COPY --from=assets /app/static ./static
# Production storage (hashed, compressed names) needs its manifest: collect with DEBUG off and a throwaway key.
RUN mkdir -p var && DEBUG=0 SECRET_KEY=build-only-never-used python manage.py collectstatic --noinput \
    && chown -R app:app var
USER app
EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
