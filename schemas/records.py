"""What extraction produces: model records and their metrics, each with evidence."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Qualifier = Literal["exact", "more_than", "approx", "at_least", "less_than", "range"]
Field_ = Literal["economy", "culture_society", "security_order", "party_building"]


class Evidence(BaseModel):
    """Where a fact was read: the sentence, and the surface string's offsets in the cleaned text."""

    sentence: str
    surface: str
    start: int = Field(ge=0, description="character offset of the surface string in Article.text")
    end: int = Field(ge=0)


class Metric(BaseModel):
    metric: str = Field(description="a key of the metric vocabulary (FORMAT.md)")
    value: float
    qualifier: Qualifier = "exact"
    unit: str | None = Field(default=None, description="km, ha or VND after conversion; None=count")
    year: int | None = None
    evidence: Evidence


class Locality(BaseModel):
    """Administrative place, names in plain ASCII without tone marks or level words."""

    province: str | None = None
    district: str | None = None
    commune: str | None = None
    village: str | None = None
    province_code: str | None = None
    district_code: str | None = None
    commune_code: str | None = None
    province_2025: str | None = Field(default=None, description="province on the post-2025 map")
    commune_2025: str | None = None
    resolved_by: str | None = Field(default=None, description="how the names were resolved")

    def lowest(self) -> str | None:
        """The lowest level given, village aside (the level FORMAT.md scores attribution on)."""
        return self.commune or self.district or self.province


class ModelRecord(BaseModel):
    """One 'Skilled Mass Mobilization' model, or (model_name None) a place's overall figures."""

    seq: int = Field(description="order of the record in its article")
    model_name: str | None = None
    quoted: bool = False
    organisation: str | None = None
    field: Field_ | None = None
    locality: Locality = Field(default_factory=Locality)
    year: int | None = None
    year_from: int | None = None
    year_to: int | None = None
    metrics: list[Metric] = Field(default_factory=list)
