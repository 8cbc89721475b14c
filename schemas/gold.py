"""The gold annotation format of ../shared/gold/FORMAT.md, validated."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field


class GoldMetric(BaseModel):
    model_config = ConfigDict(extra="allow")

    metric: str | list[str]
    value: float
    qualifier: str = "exact"
    year: int | None = None
    optional: bool = False

    @property
    def keys(self) -> list[str]:
        return [self.metric] if isinstance(self.metric, str) else list(self.metric)


class GoldLocality(BaseModel):
    model_config = ConfigDict(extra="allow")

    province: str | None = None
    district: str | None = None
    commune: str | None = None
    village: str | None = None

    def lowest(self) -> str | None:
        """Lowest level, village aside (FORMAT.md attribution rule)."""
        return self.commune or self.district or self.province


class GoldRecord(BaseModel):
    model_config = ConfigDict(extra="allow")

    model: dict[str, str] | str | None = None
    quoted: bool = False
    field: str | None = None
    locality: GoldLocality = Field(default_factory=GoldLocality)
    year: int | None = None
    metrics: list[GoldMetric] = Field(default_factory=list)

    def model_in(self, lang: str) -> str | None:
        if isinstance(self.model, dict):
            return self.model.get(lang)
        return self.model


class GoldStory(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    source_url: str | None = None
    published: date | None = None
    documents: dict[str, str]
    records: list[GoldRecord] = Field(default_factory=list)
    not_metrics: list[str] = Field(default_factory=list)


class GoldFile(BaseModel):
    model_config = ConfigDict(extra="allow")

    stories: list[GoldStory]
