"""Shapes of the procedure catalogue API (``api.py`` beside this); ``catalogue.py`` checks requests itself."""

from typing import Literal, NotRequired, TypedDict

ProcedureKind = Literal["surgery", "procedure", "visit"]


class ProcedureItem(TypedDict):
    code: str  # what trigger filters match: lowercase letters, digits, _
    name_ko: str
    name_en: str
    kind: ProcedureKind  # surgery/procedure: attending completes it (see attended_completes_procedure)
    synonyms: list[str]


class ProcedureCatalogue(TypedDict):
    procedures: list[ProcedureItem]
    attended_completes_procedure: bool
    customised: bool  # False: the shipped defaults (the clinic has not edited its catalogue yet)


class ProcedureCatalogueIn(TypedDict):
    procedures: list[ProcedureItem]
    attended_completes_procedure: NotRequired[bool]
