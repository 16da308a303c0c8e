FROM python:3.11-slim

WORKDIR /app
COPY pyproject.toml README.md alembic.ini ./
COPY service ./service
COPY embeddings ./embeddings
COPY migrations ./migrations
COPY seed_data ./seed_data
RUN pip install --no-cache-dir .

ENV COPILOT_HOST=0.0.0.0 \
    COPILOT_PORT=8000
EXPOSE 8000
CMD ["copilot", "serve"]
