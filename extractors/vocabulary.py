"""The controlled metric vocabulary of ../shared/gold/FORMAT.md (extend, never rename)."""

METRIC_KEYS: tuple[str, ...] = (
    "households", "people", "members", "hectares", "km", "vnd", "models", "patrols", "cases",
    "subjects", "houses", "villages", "residential_areas", "roads", "gardens", "products",
    "meals", "working_days", "bridges", "lights", "cameras", "trees", "gifts", "tons", "groups",
    "scholarships",
)
# Keys measured in a unit rather than counted; the unit a value is stored in.
UNIT_OF: dict[str, str] = {"hectares": "ha", "km": "km", "vnd": "VND", "tons": "t"}
# Keys that count events, not things: a counter of occurrences after a cue of one counts the
# events ("tuần tra 96 lượt": 96 patrols), while after a thing ("visited households 3 times")
# it counts visits.
EVENT_KEYS: frozenset[str] = frozenset({"patrols"})
# Keys whose figure can be a surface that something stands on: "lights on 5 km of road", "signs
# on 3 roads", "households on 42 ha".
SURFACE_KEYS: frozenset[str] = frozenset({"km", "hectares", "roads"})
QUALIFIERS: tuple[str, ...] = ("exact", "more_than", "approx", "at_least", "less_than", "range")
FIELDS: tuple[str, ...] = ("economy", "culture_society", "security_order", "party_building")
LEVELS: tuple[str, ...] = ("province", "district", "commune", "village")
