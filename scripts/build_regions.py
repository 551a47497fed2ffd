"""Build seeds/regions.csv from the cpca 0.5.5 administrative-division table.

Source: /work/shared/data/regions/cpca_0.5.5/adcodes.csv (PyPI package `cpca` 0.5.5,
MIT, (c) 2018 QinYuan Du, github.com/DQinYuan/chinese_province_city_area_mapper).
The source has 12-digit codes; the first 6 digits are the GB/T 2260 adcode.

Usage: python scripts/build_regions.py [SOURCE_DIR] [SEEDS_DIR]
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE_DIR = Path("/work/shared/data/regions/cpca_0.5.5")
DEFAULT_SEEDS_DIR = REPO_ROOT / "seeds"

COUNTRY_ROW = {
    "adcode": "100000",
    "name": "中国",
    "level": "country",
    "province_name": "",
    "prefecture_name": "",
    "parent_adcode": "",
}
COLUMNS = ["adcode", "name", "level", "province_name", "prefecture_name", "parent_adcode"]

# Grouping rows of the GB/T 2260 table that are not administrative units themselves:
# "市辖区" groups a city's districts (and the municipalities' districts), "县" groups
# Chongqing's counties, the "直辖县级行政区划" rows group county-level units that sit
# directly under a province.
PLACEHOLDER_NAMES = frozenset(
    {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
)

LICENSE_HEADER = (
    "Region data in seeds/regions.csv is derived from PyPI package `cpca` 0.5.5 "
    "(github.com/DQinYuan/chinese_province_city_area_mapper), file cpca/resources/adcodes.csv:"
)


def level_of(adcode: str) -> str:
    """Return the administrative level implied by a 6-digit adcode."""
    if adcode == COUNTRY_ROW["adcode"]:
        return "country"
    if adcode.endswith("0000"):
        return "province"
    if adcode.endswith("00"):
        return "prefecture"
    return "county"


def read_source(path: Path) -> dict[str, str]:
    """Read the source table as {6-digit adcode: name}, placeholders included."""
    names: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            code12 = row["adcode"].strip()
            # Every row is a county-or-above unit, so the village/township part is zero.
            if len(code12) != 12 or not code12.endswith("000000"):
                raise ValueError(f"unexpected adcode {code12!r}")
            names[code12[:6]] = row["name"].strip()
    return names


def build_rows(names: dict[str, str]) -> list[dict[str, str]]:
    """Turn {adcode: name} into regions.csv rows, dropping placeholders."""
    real = {code: name for code, name in names.items() if name not in PLACEHOLDER_NAMES}
    rows = [dict(COUNTRY_ROW)]
    for code in sorted(real):
        level = level_of(code)
        province_code = code[:2] + "0000"
        prefecture_code = code[:4] + "00"
        province_name = real[province_code]
        # A county whose prefecture row is a placeholder (or absent) hangs off the province.
        has_prefecture = level == "county" and prefecture_code in real
        if level == "province":
            parent = COUNTRY_ROW["adcode"]
        elif level == "prefecture" or not has_prefecture:
            parent = province_code
        else:
            parent = prefecture_code
        if level == "prefecture":
            prefecture_name = real[code]
        elif has_prefecture:
            prefecture_name = real[prefecture_code]
        else:
            prefecture_name = ""
        rows.append(
            {
                "adcode": code,
                "name": real[code],
                "level": level,
                "province_name": province_name,
                "prefecture_name": prefecture_name,
                "parent_adcode": parent,
            }
        )
    return rows


def write_rows(rows: list[dict[str, str]], path: Path) -> None:
    """Write the rows as UTF-8 CSV with a header."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def write_license(source_dir: Path, path: Path) -> None:
    """Copy the upstream MIT licence with a header naming the source."""
    text = (source_dir / "LICENSE").read_text(encoding="utf-8")
    path.write_text(LICENSE_HEADER + "\n\n" + text.rstrip("\n") + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    """Build the seed file and its licence notice."""
    source_dir = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE_DIR
    seeds_dir = Path(argv[2]) if len(argv) > 2 else DEFAULT_SEEDS_DIR
    rows = build_rows(read_source(source_dir / "adcodes.csv"))
    write_rows(rows, seeds_dir / "regions.csv")
    write_license(source_dir, seeds_dir / "LICENSE.regions-cpca")
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["level"]] = counts.get(row["level"], 0) + 1
    print(f"wrote {len(rows)} regions to {seeds_dir / 'regions.csv'}: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
