"""A clinic's procedure catalogue: codes trigger filters use, Korean/English names and synonyms (logic lives in
storage/procedures/; the shipped defaults are ``nodes.procedures.DEFAULT_CATALOGUE``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, ClinicScoped, Timestamps

PROCEDURE_KINDS = ("surgery", "procedure", "visit")


class Procedure(Base, ClinicScoped, Timestamps):
    __tablename__ = "procedures"
    __table_args__ = (UniqueConstraint("clinic_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64))
    name_ko: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100), default="")
    kind: Mapped[str] = mapped_column(String(20), default="visit")  # surgery | procedure | visit
    synonyms: Mapped[list[Any]] = mapped_column(default=list)
    position: Mapped[int] = mapped_column(Integer, default=0)
