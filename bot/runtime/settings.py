"""Configuration in one typed place, from the environment (and a `.env` file if present).

Tokens and secrets use the platforms' usual names (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_APP_TOKEN,
DISCORD_TOKEN); everything else is WHICHMODEL_*. Secrets are `SecretStr` and never printed.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

from bot.contract.policy import BIG_CLOUDS, HOSTS, Policy


def _env(*names: str) -> AliasChoices:
    return AliasChoices(*names)


class SettingsError(ValueError):
    """A missing or malformed setting, said in one line naming it."""


CsvList = tuple[str, ...]  # a comma-separated list in the environment


class Settings(BaseModel):
    """Every setting whichmodel reads (`load_settings` reads them from the environment and `.env`)."""

    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    # Slack
    slack_bot_token: SecretStr | None = Field(
        None, validation_alias=_env("SLACK_BOT_TOKEN", "WHICHMODEL_SLACK_BOT_TOKEN")
    )
    slack_signing_secret: SecretStr | None = Field(
        None, validation_alias=_env("SLACK_SIGNING_SECRET", "WHICHMODEL_SLACK_SIGNING_SECRET")
    )
    slack_app_token: SecretStr | None = Field(
        None, validation_alias=_env("SLACK_APP_TOKEN", "WHICHMODEL_SLACK_APP_TOKEN")
    )
    slack_api_url: str | None = Field(None, validation_alias=_env("SLACK_API_URL", "WHICHMODEL_SLACK_API_URL"))
    # Discord
    discord_token: SecretStr | None = Field(None, validation_alias=_env("DISCORD_TOKEN", "WHICHMODEL_DISCORD_TOKEN"))
    discord_guild_id: int | None = Field(None, validation_alias=_env("DISCORD_GUILD_ID", "WHICHMODEL_DISCORD_GUILD_ID"))
    # HTTP mode
    host: str = "0.0.0.0"
    port: int = Field(3000, ge=0, le=65535, validation_alias=_env("PORT", "WHICHMODEL_PORT"))
    # Answers
    rows: int = Field(5, ge=1, le=50, description="rows in a recommendation")
    default_providers: CsvList = Field(BIG_CLOUDS, description="providers that count besides each maker's own")
    fallback_providers: CsvList = Field(HOSTS, description="providers for models no maker or default provider sells")
    extra: Path | None = Field(None, description="YAML file of the team's own price overrides or private models")
    # Chat adapters
    rate_capacity: int = Field(5, ge=1, description="questions a user may ask in a burst")
    rate_per_minute: float = Field(10.0, gt=0, description="questions a user may ask per minute, sustained")
    # FAQ channels: answering un-addressed model questions in the channels that turn it on
    faq_threshold: float = Field(0.6, ge=0, le=1, description="FAQ confidence a channel message needs for an answer")
    faq_per_hour: int = Field(6, ge=1, le=600, description="FAQ answers per channel per hour, at most")
    discord_message_content: bool = Field(False, description="the Discord app has the Message Content intent (FAQ)")
    # Many workers: shared state, and the work behind the acks
    redis_url: str | None = Field(None, description="redis:// or rediss:// URL for state shared by every worker")
    redis_prefix: str = Field("whichmodel:", min_length=1, max_length=64, description="prefix of every Redis key")
    redis_timeout: float = Field(0.5, gt=0, le=30, description="seconds before a Redis call counts as unreachable")
    workers: int = Field(16, ge=1, le=512, description="threads answering questions behind the acks (Slack HTTP)")
    drain_seconds: float = Field(25.0, ge=0, le=600, description="seconds SIGTERM waits for answers in flight")
    # Fresh data
    refresh_enabled: bool = True
    refresh_hours: float = Field(24.0, gt=0, description="hours between models.dev refreshes in the bots")
    refresh_url: str = "https://models.dev/api.json"
    # Logs
    log_questions: bool = Field(False, description="log question text (otherwise only a hash)")
    log_level: str = "INFO"

    @field_validator("default_providers", "fallback_providers", mode="before")
    @classmethod
    def _split(cls, value: Any) -> Any:
        if isinstance(value, str):
            return tuple(p.strip() for p in value.split(",") if p.strip())
        return value

    @field_validator("slack_bot_token", "slack_signing_secret", "slack_app_token", "discord_token")
    @classmethod
    def _secret_shape(cls, value: SecretStr | None, info: Any) -> SecretStr | None:
        """Catch at start what would fail on every request: an empty value, spaces or quotes pasted with it, or a
        token of the wrong kind."""
        if value is None:
            return None
        secret = value.get_secret_value()
        if not secret.strip():
            raise ValueError("is empty: set it or unset it")
        if secret != secret.strip() or any(c.isspace() or c in "\"'" for c in secret):
            raise ValueError("holds spaces or quotes: paste the value alone")
        shape = _SECRET_SHAPES[info.field_name]
        if not shape[0].fullmatch(secret):
            raise ValueError(f"does not look like {shape[1]}")
        return value

    @field_validator("redis_url")
    @classmethod
    def _redis_url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        parts = urlsplit(value.strip())
        if parts.scheme not in ("redis", "rediss", "unix") or not (parts.hostname or parts.path):
            raise ValueError("use redis://host:6379/0 or rediss://... (TLS)")
        return value.strip()

    @field_validator("extra")
    @classmethod
    def _extra_exists(cls, value: Path | None) -> Path | None:
        if value is not None and not value.is_file():
            raise ValueError(f"no such file: {value}")
        return value

    def policy(self) -> Policy:
        return Policy(
            default_providers=tuple(self.default_providers),
            fallback_providers=tuple(self.fallback_providers),
            rows=self.rows,
            faq_threshold=self.faq_threshold,
        )

    def require(self, *names: str) -> None:
        """Stop with one clear line when a setting a command needs is missing."""
        for name in names:
            if getattr(self, name) in (None, ""):
                raise SettingsError(f"missing setting {_env_name(name)}: set it in the environment")

    def secrets(self) -> list[str]:
        """Every secret value set, for log redaction (passwords inside URLs too)."""
        values = [getattr(self, n) for n in type(self).model_fields]
        found = [v.get_secret_value() for v in values if isinstance(v, SecretStr)]
        found += [p for v in values if isinstance(v, str) and (p := urlsplit(v).password if "://" in v else None)]
        return found

    def public(self) -> dict[str, Any]:
        """The effective configuration with secrets masked."""
        out: dict[str, Any] = {}
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, SecretStr):
                value = f"****** (set, {len(value.get_secret_value())} chars)"
            elif isinstance(value, (Path, tuple)):
                value = ",".join(value) if isinstance(value, tuple) else str(value)
            elif isinstance(value, str) and "://" in value:
                value = mask_url(value)
            out[name] = value
        return out


_SECRET_SHAPES: dict[str, tuple[re.Pattern[str], str]] = {
    "slack_bot_token": (re.compile(r"xoxb-[A-Za-z0-9-]{8,}"), "a Slack bot token (xoxb-...)"),
    "slack_app_token": (re.compile(r"xapp-[A-Za-z0-9-]{8,}"), "a Slack app-level token (xapp-...)"),
    "slack_signing_secret": (re.compile(r"[A-Za-z0-9_-]{16,}"), "a Slack signing secret"),
    "discord_token": (re.compile(r"[\w-]+\.[\w-]+\.[\w-]+"), "a Discord bot token (three parts with dots)"),
}


def mask_url(url: str) -> str:
    """A URL with the password inside it (`scheme://user:PASSWORD@host`) masked."""
    try:
        parts = urlsplit(url)
        if parts.password is None:
            return url
        user = parts.username or ""
        host = parts.netloc.rsplit("@", 1)[1]
        return urlunsplit(parts._replace(netloc=f"{user}:******@{host}"))
    except ValueError:
        return re.sub(r"://[^@/]*@", "://******@", url)


def load_settings(**overrides: Any) -> Settings:
    """Settings from the environment, then `.env` in the working directory, then `overrides` (by field name);
    a malformed value raises SettingsError naming it."""
    found = {**_dotenv(Path(".env")), **{k.upper(): v for k, v in os.environ.items()}}
    values: dict[str, Any] = {}
    for name in Settings.model_fields:
        value = next((found[env] for env in _env_names(name) if env in found), None)
        if value is not None:
            values[name] = value
    values.update(overrides)
    try:
        return Settings.model_validate(values)
    except ValidationError as exc:
        err = exc.errors()[0]
        name = ".".join(str(p) for p in err["loc"]) or "?"
        if name in Settings.model_fields:
            name = _env_name(name)
        message = str(err["msg"]).removeprefix("Value error, ")
        raise SettingsError(f"bad setting {name}: {message}") from None


def _env_names(name: str) -> list[str]:
    """The environment variables a setting is read from, first wins (the platform's own name for tokens)."""
    alias = Settings.model_fields[name].validation_alias
    return [str(c) for c in alias.choices] if isinstance(alias, AliasChoices) else [f"WHICHMODEL_{name.upper()}"]


def _env_name(name: str) -> str:
    """The environment variable a setting is documented under."""
    return _env_names(name)[0]


_DOTENV_LINE = re.compile(r"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$")


def _dotenv(path: Path) -> dict[str, str]:
    """KEY=value lines of a `.env` file (`export`, quotes and `#` comments as in shells), names upper-cased."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    out: dict[str, str] = {}
    for line in text.splitlines():
        match = _DOTENV_LINE.match(line)
        if not match or line.lstrip().startswith("#"):
            continue
        value = match.group(2)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        else:
            value = re.sub(r"\s+#.*$", "", value)
        out[match.group(1).upper()] = value
    return out
