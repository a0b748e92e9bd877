#!/usr/bin/env python3
"""Builds src/TokenCost/Data/price-tiers.json from ../shared/data/gpu_prices.csv.

Usage (from the repository root):  python3 tools/import_price_tiers.py [path/to/shared]

One entry per CSV row, in CSV order. Hardware ids, tier names, power bases and dates are kept exactly as
written; numbers are copied verbatim (USD per device-hour; all-in kW per device). Rows whose source flags a
number as ESTIMATE / EST / UNVERIFIED get "estimate": true. The script refuses duplicate
(hardware, tier, as_of) rows, non-positive numbers and dates that are not yyyy-MM, so the embedded file
can only be rebuilt from a table the catalog loader accepts.
"""
import csv, json, os, re, sys

shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared")
source_file = os.path.join(shared, "data", "gpu_prices.csv")
out = os.path.join(os.path.dirname(__file__), "..", "src", "TokenCost", "Data", "price-tiers.json")
VERSION = "2026.12.06"
FLAG = re.compile(r"\b(ESTIMATE[SD]?|EST|UNVERIFIED|UNCERTAIN)\b")
COLUMNS = ["hardware", "tier", "usd_per_device_hour", "all_in_kw_per_device", "power_basis", "as_of", "source"]

def positive(row, key):
    value = float(row[key])
    if not value > 0:
        sys.exit(f"{source_file}: {row['hardware']} {row['tier']} {row['as_of']}: {key} must be > 0, got {row[key]}")
    text = row[key].strip()
    return int(value) if value.is_integer() and "." not in text else value

tiers, seen = [], set()
with open(source_file, encoding="utf-8", newline="") as f:
    reader = csv.DictReader(f)
    if reader.fieldnames != COLUMNS:
        sys.exit(f"{source_file}: expected columns {COLUMNS}, got {reader.fieldnames}")
    for r in reader:
        key = (r["hardware"], r["tier"], r["as_of"])
        if key in seen:
            sys.exit(f"{source_file}: duplicate row {key}")
        seen.add(key)
        if not re.fullmatch(r"\d{4}-\d{2}", r["as_of"]):
            sys.exit(f"{source_file}: as_of must be yyyy-MM, got {r['as_of']!r}")
        tiers.append({
            "hardware": r["hardware"], "tier": r["tier"],
            "usdPerDeviceHour": positive(r, "usd_per_device_hour"),
            "allInKwPerDevice": positive(r, "all_in_kw_per_device"),
            "powerBasis": r["power_basis"], "asOf": r["as_of"], "source": r["source"],
            "estimate": bool(FLAG.search(r["source"])),
        })

document = {
    "catalogVersion": VERSION, "retrieved": "2026-12-06",
    "builtFrom": "shared/data/gpu_prices.csv (InferenceX TCO tables; each row carries its own date and source)",
    "builtBy": "python3 tools/import_price_tiers.py",
    "powerBases": {
        "provisioned_utility": "all-in provisioned utility kW per GPU, facility overhead (PUE) included",
        "it_all_in": "all-in IT kW per GPU (chip + share of host and NICs), facility overhead excluded",
    },
    "priceTiers": tiers,
}
with open(out, "w", encoding="utf-8") as f:
    json.dump(document, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(f"{len(tiers)} price tiers -> {os.path.normpath(out)}")
