"""Uploaded documents: checked by content and size, stored outside any public URL."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadhandler import MemoryFileUploadHandler, TemporaryFileUploadHandler
from django.utils.translation import gettext_lazy as _

# Magic numbers of the types offices attach: PDF, Word (doc, docx), images.
_SIGNATURES = {
    b"%PDF-": "pdf",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "doc",  # OLE2: .doc, .xls, .wps
    b"PK\x03\x04": "docx",  # zip container: .docx, .xlsx
    b"\x89PNG\r\n\x1a\n": "png",
    b"\xff\xd8\xff": "jpg",
}
ALLOWED_EXTENSIONS = {"pdf", "doc", "docx", "wps", "png", "jpg", "jpeg", "ofd"}


def sniff(head: bytes) -> str | None:
    for magic, kind in _SIGNATURES.items():
        if head.startswith(magic):
            return kind
    return None


def validate_document(upload) -> None:
    """Refuse a document that is too large or whose content is not PDF, Word or an image."""
    if upload is None:
        return
    limit = settings.UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("文件过大：最大允许 %(mb)s MB。"), params={"mb": limit // (1024 * 1024)}
        )
    ext = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if ext not in ALLOWED_EXTENSIONS:
        raise ValidationError(_("只能上传 PDF、Word 文档或图片（jpg、png）。"))
    pos = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(16)
    upload.seek(pos)
    if sniff(head) is None:
        raise ValidationError(_("文件内容与类型不符：只能上传 PDF、Word 文档或图片。"))


def serve(fieldfile):
    """Send a stored document as a download; callers have already checked who may see it."""
    from django.http import FileResponse, Http404

    if not fieldfile:
        raise Http404
    try:
        handle = fieldfile.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(handle, as_attachment=True, filename=fieldfile.name.rsplit("/", 1)[-1])


class ShortNameStorage(FileSystemStorage):
    """Stored names kept short: the base name cut to fit, the extension kept, so that the
    path (upload_to + name) always fits the 100-character file column."""

    MAX_BASE = 40

    def get_valid_name(self, name: str) -> str:
        import os

        name = super().get_valid_name(name)
        base, ext = os.path.splitext(name)
        return base[: self.MAX_BASE] + ext[:10]

    def get_available_name(self, name: str, max_length: int | None = None) -> str:
        return super().get_available_name(name, max_length=max_length or 100)


def short_name(name: str, base: int = ShortNameStorage.MAX_BASE) -> str:
    import os

    stem, ext = os.path.splitext(name)
    return stem[:base] + ext[:10]


class ShortNameMemoryUploadHandler(MemoryFileUploadHandler):
    """Uploads arrive with names cut to fit (a 250-character name is not an error)."""

    def new_file(self, field_name, file_name, *args, **kwargs):
        super().new_file(field_name, short_name(file_name), *args, **kwargs)


class ShortNameTemporaryUploadHandler(TemporaryFileUploadHandler):
    def new_file(self, field_name, file_name, *args, **kwargs):
        super().new_file(field_name, short_name(file_name), *args, **kwargs)
