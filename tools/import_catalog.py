#!/usr/bin/env python3
"""Builds the embedded catalog JSON (src/TokenCost/Data/*.json) from ../shared/data.

Usage (from the repository root):  python3 tools/import_catalog.py [path/to/shared]

Every id is kept exactly as written in the CSV files. Numbers are copied verbatim; empty CSV
cells become null. Each entry keeps its sources, and entries whose notes flag a number as
ESTIMATE / EST / UNVERIFIED / UNCERTAIN / SPARSE get "estimate": true plus the flagged text.
"""
import csv, json, os, re, sys

shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared")
out = os.path.join(os.path.dirname(__file__), "..", "src", "TokenCost", "Data")
VERSION = "2026.11.27"
FLAG = re.compile(r"\b(ESTIMATE[SD]?|EST|UNVERIFIED|UNCERTAIN|SPARSE)\b")

def num(v):
    v = v.strip()
    if v == "":
        return None
    f = float(v)
    return int(f) if f.is_integer() and "." not in v else f

def flagged_sentences(*texts):
    hits = []
    for t in texts:
        for part in re.split(r"(?<=[.;])\s+", t):
            if FLAG.search(part):
                hits.append(part.strip())
    return hits

hardware = []
for r in csv.DictReader(open(os.path.join(shared, "data", "hardware.csv"), encoding="utf-8")):
    flags = flagged_sentences(r["dense_or_sparse_note"], r["notes"])
    hardware.append({
        "id": r["id"], "name": r["name"], "vendor": r["vendor"], "year": int(r["year"]),
        "memoryType": r["memory_type"], "memoryGb": num(r["memory_gb"]), "bandwidthTbps": num(r["bandwidth_tbps"]),
        "sramMb": num(r["sram_mb"]), "fp32Tflops": num(r["fp32_tflops"]), "tf32Tflops": num(r["tf32_tflops"]),
        "bf16Tflops": num(r["bf16_tflops"]), "fp8Tflops": num(r["fp8_tflops"]), "int8Tops": num(r["int8_tops"]),
        "fp4Tflops": num(r["fp4_tflops"]), "int4Tops": num(r["int4_tops"]),
        "denseOrSparseNote": r["dense_or_sparse_note"], "tdpW": num(r["tdp_w"]), "interconnect": r["interconnect"],
        "interconnectGbps": num(r["interconnect_gbps"]), "purchaseUsd": num(r["purchase_usd"]),
        "cloudUsdPerHour": num(r["cloud_usd_per_hour"]), "priceDate": r["price_date"],
        "sources": r["sources"], "notes": r["notes"],
        "estimate": bool(flags), "estimateNotes": flags,
    })

models = []
for r in csv.DictReader(open(os.path.join(shared, "data", "models.csv"), encoding="utf-8")):
    models.append({
        "id": r["id"], "name": r["name"], "paramsB": num(r["params_b"]), "layers": int(r["layers"]),
        "hidden": int(r["hidden"]), "heads": num(r["heads"]), "kvHeads": num(r["kv_heads"]),
        "headDim": int(r["head_dim"]), "intermediate": num(r["intermediate"]), "vocab": int(r["vocab"]),
        "experts": int(r["experts"]), "expertsPerToken": int(r["experts_per_token"]),
        "sharedExperts": int(r["shared_experts"]), "moeIntermediate": int(r["moe_intermediate"]),
        "tiedEmbeddings": r["tied_embeddings"].strip().lower() == "true", "maxContext": int(r["max_context"]),
        "attention": r["attention"], "ffn": r["ffn"], "source": r["source"],
        "estimate": bool(FLAG.search(r["source"])),
    })

meta = lambda src: {"catalogVersion": VERSION, "retrieved": "2026-11-27", "builtFrom": src,
                    "builtBy": "python3 tools/import_catalog.py"}
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "hardware.json"), "w", encoding="utf-8") as f:
    json.dump({**meta("shared/data/hardware.csv (conventions and conflicts: shared/data/hardware_notes.md)"),
               "hardware": hardware}, f, indent=1, ensure_ascii=False)
    f.write("\n")
with open(os.path.join(out, "models.json"), "w", encoding="utf-8") as f:
    json.dump({**meta("shared/data/models.csv"), "models": models}, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(f"{len(hardware)} hardware, {len(models)} models -> {os.path.normpath(out)}")
