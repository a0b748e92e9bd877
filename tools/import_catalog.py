#!/usr/bin/env python3
"""Builds the embedded catalog JSON (src/TokenCost/Data/*.json) from ../shared/data.

Usage (from the repository root):  python3 tools/import_catalog.py [path/to/shared]

Inputs: data/hardware.csv -> hardware.json; data/models.csv then data/models_modern.csv -> models.json
(models_modern.csv adds MLA ranks, first dense layers, sliding window, MTP modules and active parameters;
its header and data/model-configs/SOURCES.md describe them). Re-run after editing a CSV and commit the JSON.

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
        # Topology (issue 14): devices of one scale-up (NVLink / Infinity Fabric ...) domain, and the per-device scale-out NIC rate in
        # gigabits per second per direction, with their sources.
        "scaleUpDomainDevices": int(r["scaleup_domain_devices"]) if r.get("scaleup_domain_devices", "").strip() else None,
        "scaleOutGbitsPerDevice": num(r.get("scaleout_gbps_per_device", "")),
        "networkSources": r.get("network_sources", ""),
    })

def model_row(r, modern):
    """One models.json entry. models_modern.csv adds active_params_b and the per-feature columns (MLA ranks, dense
    layers, sliding window, MTP); rows of models.csv get 0 for them (no MLA, no window, every MoE layer routed)."""
    row = {
        "id": r["id"], "name": r["name"], "paramsB": num(r["params_b"]), "layers": int(r["layers"]),
        "hidden": int(r["hidden"]), "heads": num(r["heads"]), "kvHeads": num(r["kv_heads"]),
        "headDim": int(r["head_dim"]), "intermediate": num(r["intermediate"]), "vocab": int(r["vocab"]),
        "experts": int(r["experts"]), "expertsPerToken": int(r["experts_per_token"]),
        "sharedExperts": int(r["shared_experts"]), "moeIntermediate": int(r["moe_intermediate"]),
        "tiedEmbeddings": r["tied_embeddings"].strip().lower() == "true", "maxContext": int(r["max_context"]),
        "attention": r["attention"], "ffn": r["ffn"],
    }
    if modern:
        row.update({
            "activeParamsB": num(r["active_params_b"]), "firstDenseLayers": int(r["first_dense_layers"]),
            "qLoraRank": int(r["q_lora_rank"]), "kvLoraRank": int(r["kv_lora_rank"]),
            "qkRopeHeadDim": int(r["qk_rope_head_dim"]), "vHeadDim": int(r["v_head_dim"]),
            "slidingWindow": int(r["sliding_window"]), "slidingWindowLayers": int(r["sliding_window_layers"]),
            "mtpLayers": int(r["mtp_layers"]),
        })
    row.update({"source": r["source"], "estimate": bool(FLAG.search(r["source"]))})
    return row

models = []
seen = set()
for name, modern in (("models.csv", False), ("models_modern.csv", True)):
    for r in csv.DictReader(open(os.path.join(shared, "data", name), encoding="utf-8")):
        if r["id"] in seen:
            sys.exit(f"{name}: id {r['id']!r} is already in an earlier file")
        seen.add(r["id"])
        models.append(model_row(r, modern))

meta = lambda src: {"catalogVersion": VERSION, "retrieved": "2026-11-27", "builtFrom": src,
                    "builtBy": "python3 tools/import_catalog.py"}
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "hardware.json"), "w", encoding="utf-8") as f:
    json.dump({**meta("shared/data/hardware.csv (conventions and conflicts: shared/data/hardware_notes.md)"),
               "hardware": hardware}, f, indent=1, ensure_ascii=False)
    f.write("\n")
with open(os.path.join(out, "models.json"), "w", encoding="utf-8") as f:
    json.dump({**meta("shared/data/models.csv + shared/data/models_modern.csv (configs and provenance: shared/data/model-configs/SOURCES.md)"), "models": models}, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(f"{len(hardware)} hardware, {len(models)} models -> {os.path.normpath(out)}")
