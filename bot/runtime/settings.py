"""Configuration in one typed place, from the environment (and a `.env` file if present).

Tokens and secrets use the platforms' usual names (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_APP_TOKEN,
DISCORD_TOKEN); everything else is WHICHMODEL_*. Secrets are `SecretStr` and never printed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.contract.policy import BIG_CLOUDS, HOSTS, Policy


def _env(*names: str) -> AliasChoices:
    return AliasChoices(*names)


class SettingsError(ValueError):
    """A missing or malformed setting, said in one line naming it."""


CsvList = Annotated[tuple[str, ...], NoDecode]


class Settings(BaseSettings):
    """Every setting whichmodel reads."""

    model_config = SettingsConfigDict(env_prefix="WHICHMODEL_", env_file=".env", extra="ignore", populate_by_name=True)

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
        )

    def require(self, *names: str) -> None:
        """Stop with one clear line when a setting a command needs is missing."""
        for name in names:
            if getattr(self, name) in (None, ""):
                field = type(self).model_fields[name]
                env = (
                    field.validation_alias.choices[0]
                    if isinstance(field.validation_alias, AliasChoices)
                    else f"WHICHMODEL_{name.upper()}"
                )
                raise SettingsError(f"missing setting {env}: set it in the environment")

    def secrets(self) -> list[str]:
        """Every secret value set, for log redaction."""
        return [
            v.get_secret_value()
            for v in (getattr(self, n) for n in type(self).model_fields)
            if isinstance(v, SecretStr)
        ]

    def public(self) -> dict[str, Any]:
        """The effective configuration with secrets masked."""
        out: dict[str, Any] = {}
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, SecretStr):
                value = f"****** (set, {len(value.get_secret_value())} chars)"
            elif isinstance(value, (Path, tuple)):
                value = ",".join(value) if isinstance(value, tuple) else str(value)
            out[name] = value
        return out


def load_settings(**overrides: Any) -> Settings:
    """Settings from the environment; a malformed value raises SettingsError naming it."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        err = exc.errors()[0]
        name = ".".join(str(p) for p in err["loc"]) or "?"
        if name in Settings.model_fields:
            name = f"WHICHMODEL_{name.upper()}"
        raise SettingsError(f"bad setting {name}: {err['msg']}") from None
