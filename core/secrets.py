"""Encryption at rest for plugin secrets, with a key derived from the settings' secret key."""

from __future__ import annotations

import base64

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF


class SecretBox:
    """Encrypts and decrypts short strings with Fernet (AES-128-CBC + HMAC-SHA256)."""

    def __init__(self, secret_key: str, *, purpose: str = "cloudcat plugin secrets") -> None:
        derived = HKDF(
            algorithm=hashes.SHA256(), length=32, salt=None, info=purpose.encode()
        ).derive(secret_key.encode())
        self._fernet = Fernet(base64.urlsafe_b64encode(derived))

    def encrypt(self, plaintext: str) -> str:
        return self._fernet.encrypt(plaintext.encode()).decode()

    def decrypt(self, token: str) -> str:
        """Decrypt `token`; raises `UndecryptableSecret` if the key changed or data is corrupt."""
        try:
            return self._fernet.decrypt(token.encode()).decode()
        except InvalidToken as exc:
            raise UndecryptableSecret(
                "a stored secret cannot be decrypted (was CLOUDCAT_SECRET_KEY changed?): "
                "enter it again"
            ) from exc


class UndecryptableSecret(ValueError):
    """A stored secret could not be decrypted with the current key."""
