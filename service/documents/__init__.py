"""CV files (PDF, DOCX, plain text, Markdown) read into text and drafted into resume documents.

Everything here except `routes` is pure Python without Flask or the database, so the
extraction can run in a confined child process (`sandbox`, `worker`)."""
