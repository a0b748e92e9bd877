#!/usr/bin/env python3
"""Selects validation cases by model, leaving out layouts TokenCost does not model on one replica.

Usage (from the repository root):
    python3 tools/select_cases.py ../shared/validation/inferencex.jsonl deepseek-r1 gpt-oss-120b > /tmp/modern.jsonl

Keeps every line whose `model` is one of the ids given and whose notes carry none of the tags
[expert_parallel=...], [attention_dp=...], [disagg=...] (the aggregated single-replica cases of issue 13).
Lines are copied byte for byte, in order.
"""
import json, sys

if len(sys.argv) < 3:
    sys.exit(__doc__)
models = set(sys.argv[2:])
excluded = ("[expert_parallel", "[attention_dp", "[disagg")
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        if not line.strip():
            continue
        case = json.loads(line)
        if case["model"] in models and not any(tag in case["notes"] for tag in excluded):
            sys.stdout.write(line)
