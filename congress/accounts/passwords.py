"""Password rules whose messages Django's Chinese catalogue leaves in English."""

from django.contrib.auth.password_validation import MinimumLengthValidator


class MinimumLength(MinimumLengthValidator):
    """At least ``min_length`` characters, said in Chinese."""

    def get_error_message(self) -> str:
        return f"密码太短：至少需要{self.min_length}个字符。"

    def get_help_text(self) -> str:
        return f"密码至少需要{self.min_length}个字符。"
