"""One family of errors, each with a reason code and a message a bid manager understands.

The reason codes are a closed set: they appear on the command line, in `NAME.error.txt` beside a
failed file, and in the ledger. Raise the subclass that fits, with a message that says what to do.
"""

from __future__ import annotations

# code -> the one sentence a user reads
REASONS: dict[str, str] = {
    "password_protected": "the file is password-protected; remove the password (or pass --password) and drop it again",
    "legacy_word": "this is a legacy Word 97-2003 .doc file; open it in Word or LibreOffice and save it as .docx "
    "(or run `libreoffice --headless --convert-to docx FILE`)",
    "macro_enabled": "this is a macro-enabled Word file (.docm); save it as a plain .docx",
    "scanned": "the PDF has no text layer (it looks like a scan); run it through OCR first",
    "wrong_type": "the file is not the type its name says",
    "unsupported": "this kind of file is not supported; triage reads PDF, DOCX, TXT and MD",
    "empty": "the file is empty",
    "too_large": "the file is larger than the configured limit",
    "zip_bomb": "the file expands to far more than its size (a zip bomb); refused before reading",
    "damaged": "the file is damaged and cannot be read",
    "timeout": "reading the file took longer than the time limit",
    "out_of_memory": "reading the file needed more memory than the limit",
    "crashed": "the reader crashed on this file",
    "no_text": "no text was found in the document",
    "usage": "the command was used wrongly",
    "model": "the model could not be used",
    "training": "the model could not be trained",
}


class TriageError(Exception):
    """Base of every error triage reports to a user. `code` is one of REASONS."""

    code = "damaged"

    def __init__(self, message: str | None = None, *, path: str | None = None, code: str | None = None):
        if code is not None:
            self.code = code
        self.message = message or REASONS[self.code]
        self.path = path
        super().__init__(self.message)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message

    def __reduce__(self):  # keep path and code when an error crosses a process boundary
        return (self.__class__, (self.message,), {"path": self.path, "code": self.code})


class ExtractionError(TriageError):
    """The document could not be read (damaged, wrong type, encrypted, scanned, ...)."""


class PasswordRequired(ExtractionError):
    code = "password_protected"


class UnsupportedFormat(ExtractionError):
    code = "unsupported"


class RefusedFile(ExtractionError):
    """Refused before any parser saw it: too large, zip bomb, wrong type."""

    code = "too_large"


class WorkerError(ExtractionError):
    """The isolated worker that read the file timed out, ran out of memory or crashed."""

    code = "crashed"


class ModelError(TriageError):
    code = "model"


class TrainingError(TriageError):
    code = "training"


class UsageError(TriageError):
    code = "usage"
