// TokenCost calculator: plain JavaScript, no external requests. State lives in the URL's query string (names = the API's JSON fields).
"use strict";

const FIELDS = {
  model: "id", hardware: "id", devices: "int", tensorParallel: "int", pipelineParallel: "int", weights: "id", expertWeights: "id",
  activations: "id", kvCache: "id", stack: "id", batch: "batch", inputTokens: "int", outputTokens: "int",
  load: "ui", loadConcurrency: "ui", loadRate: "ui", concurrency: "ui", priceMode: "ui", priceTier: "id", pricePerHour: "number", capex: "number", utilization: "number", electricityPrice: "number", pue: "number",
};
const DEFAULTS = { model: "llama-2-70b", hardware: "nvidia_h100_sxm", weights: "int4", stack: "unknown", priceMode: "catalog", load: "static" };
// Error keys of the API that belong to a differently named input here.
const ERROR_INPUTS = { "load.kind": "load", "load.concurrency": "loadConcurrency", "load.requestsPerSecond": "loadRate" };
const $ = (id) => document.getElementById(id);
const fmt = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 4 });
const usd = (v) => (v == null ? "n/a" : "$" + (v >= 100 ? v.toFixed(0) : fmt.format(v)));
let hardwareList = [];
let sequence = 0;
let inflight = null;
let timer = 0;

function option(select, value, text) {
  const o = document.createElement("option");
  o.value = value;
  o.textContent = text;
  select.append(o);
}

async function getJson(path) {
  const r = await fetch(path, { headers: { accept: "application/json" } });
  if (!r.ok) throw new Error(path + ": HTTP " + r.status);
  return r.json();
}

async function loadCatalogs() {
  const [models, hardware, formats, stacks] = await Promise.all(["/v1/models", "/v1/hardware", "/v1/formats", "/v1/stacks"].map(getJson));
  hardwareList = hardware;
  for (const m of models) option($("model"), m.id, `${m.name} (${fmt.format(m.paramsB)}B)`);
  for (const h of hardware) option($("hardware"), h.id, h.name + (h.cloudUsdPerHour == null ? " (no catalog price)" : ` ($${h.cloudUsdPerHour}/h)`));
  for (const f of formats) {
    option($("weights"), f.id, f.id);
    option($("expertWeights"), f.id, f.id);
    if (!f.weightOnly) { option($("activations"), f.id, f.id); option($("kvCache"), f.id, f.id); }
  }
  for (const s of stacks) option($("stack"), s.id, s.id);
  for (const [k, v] of Object.entries(DEFAULTS)) $(k).value = v;
  fillTiers();
}

// The price-tier choices follow the hardware: its tier names (most recent date) and each dated tier id.
function fillTiers() {
  const select = $("priceTier");
  const keep = select.value;
  select.replaceChildren();
  const h = hardwareList.find((x) => x.id === $("hardware").value);
  const tiers = h ? h.priceTiers : [];
  const latest = new Set();
  for (const t of tiers) {
    if (!latest.has(t.tier)) { latest.add(t.tier); option(select, t.tier, `${t.tier} — $${t.usdPerDeviceHour}/h (${t.asOf})`); }
  }
  for (const t of tiers) option(select, t.id, `${t.id} — $${t.usdPerDeviceHour}/h`);
  if (tiers.length === 0) option(select, "", "no price tiers for this hardware");
  if ([...select.options].some((o) => o.value === keep)) select.value = keep;
}

function readState() {
  const state = {};
  for (const name of Object.keys(FIELDS)) {
    const v = $(name).value.trim();
    if (v !== "") state[name] = v;
  }
  return state;
}

function applyState(params) {
  for (const name of Object.keys(FIELDS)) {
    const v = params.get(name);
    if (v == null) continue;
    const el = $(name);
    if (el.tagName === "SELECT" && ![...el.options].some((o) => o.value === v)) option(el, v, v + " (unknown)");
    el.value = v;
  }
}

function writeUrl(state) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(state)) {
    const initial = DEFAULTS[k] ?? $(k).defaultValue ?? "";
    if (v !== initial) params.set(k, v);
  }
  const query = params.toString();
  history.replaceState(null, "", query ? "?" + query : location.pathname);
}

function value(kind, text) {
  if (kind === "id") return text;
  if (kind === "batch") return text.toLowerCase() === "auto" ? "auto" : /^\d+$/.test(text) ? Number(text) : text;
  const n = Number(text);
  return text !== "" && Number.isFinite(n) ? n : text;
}

function deploymentBody(state) {
  const body = {};
  for (const [k, v] of Object.entries(state)) {
    if (FIELDS[k] === "ui") continue;
    if ((k === "pricePerHour" && state.priceMode !== "rent") || (k === "priceTier" && state.priceMode !== "tier") || ((k === "capex" || k === "utilization") && state.priceMode !== "capex")) continue;
    body[k] = value(FIELDS[k], v);
  }
  return body;
}

// The load object of /v1/estimate (tokencost estimate --load KIND --concurrency N --rate R).
function loadBody(state) {
  const kind = state.load ?? "static";
  const load = { kind };
  if (kind === "closed" && state.loadConcurrency != null) load.concurrency = value("int", state.loadConcurrency);
  if (kind === "poisson" && state.loadRate != null) load.requestsPerSecond = value("number", state.loadRate);
  return load;
}

function clearErrors() {
  for (const el of document.querySelectorAll(".error")) { el.hidden = true; el.textContent = ""; }
  for (const el of document.querySelectorAll("[aria-invalid]")) { el.removeAttribute("aria-invalid"); el.removeAttribute("aria-describedby"); }
}

function showProblem(problem, fallback = "form-error") {
  const errors = problem.errors ?? {};
  let shown = false;
  for (const [key, messages] of Object.entries(errors)) {
    const field = ERROR_INPUTS[key] ?? key;
    const slot = $("err-" + field);
    const input = $(field);
    if (!slot || !input) continue;
    slot.textContent = messages.join(" ");
    slot.hidden = false;
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", slot.id);
    shown = true;
  }
  if (!shown) { $(fallback).textContent = problem.detail ?? problem.title ?? "The service could not answer."; $(fallback).hidden = false; }
}

async function post(path, body, signal) {
  const r = await fetch(path, { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: JSON.stringify(body), signal });
  const json = await r.json().catch(() => ({ title: "HTTP " + r.status }));
  return { ok: r.ok, json };
}

function setText(id, text) { $(id).textContent = text; }

function renderEstimate(e) {
  setText("cost-input", usd(e.costPerMillionInputTokensUsd));
  setText("cost-output", usd(e.costPerMillionOutputTokensUsd));
  setText("cost-total", usd(e.costPerMillionTotalTokensUsd));
  setText("ttft", fmt.format(e.timeToFirstTokenMs) + " ms");
  setText("tpot", fmt.format(e.timePerOutputTokenMs) + " ms");
  setText("per-user", fmt.format(e.outputTokensPerSecondPerUser) + " tokens/s");
  setText("throughput", fmt.format(e.sustainedOutputTokensPerSecond) + " tokens/s");
  setText("throughput-total", fmt.format(e.totalTokensPerSecondPerDevice) + " tokens/s");
  setText("running", `${e.load.runningSequencesPerReplica} of at most ${e.load.maxRunningSequencesPerReplica}` + (e.load.kvCacheLimited ? " (KV-cache limited)" : "") + (e.load.saturated ? " (saturated: arrivals exceed capacity)" : ""));
  const m = e.memory;
  $("memory").innerHTML = "";
  const span = document.createElement("span");
  span.className = e.fits ? "good" : "bad";
  span.textContent = `${fmt.format(m.usedGb)} of ${fmt.format(m.capacityGb)} GB — ${e.fits ? "fits" : "does not fit"} (max batch ${e.maxBatch})`;
  $("memory").append(span);
  setText("bound", e.bound + (e.bound === "memory" ? ` (weight-read floor ${fmt.format(e.weightReadFloorMs)} ms)` : ""));
  const warnings = $("warnings");
  warnings.replaceChildren(...e.warnings.map((w) => { const li = document.createElement("li"); li.textContent = w; return li; }));
  const rows = e.breakdown.components.map((c) => row([c.name, fmt.format(c.usdPerHour), usd(c.costPerMillionInputTokensUsd), usd(c.costPerMillionOutputTokensUsd)]));
  rows.push(row(["Total", fmt.format(e.totalUsdPerHour), usd(e.costPerMillionInputTokensUsd), usd(e.costPerMillionOutputTokensUsd)]));
  rows[rows.length - 1].className = "current";
  $("breakdown").tBodies[0].replaceChildren(...rows);
}

function row(cells) {
  const tr = document.createElement("tr");
  for (const c of cells) { const td = document.createElement("td"); td.textContent = c; tr.append(td); }
  return tr;
}

function renderCompare(result, currentHardware) {
  const rows = result.rows.map((r) => {
    const tr = row([r.hardware, String(r.devices), usd(r.costPerMillionOutputTokensUsd), usd(r.costPerMillionInputTokensUsd), fmt.format(r.timePerOutputTokenMs), r.fits ? "yes" : "no"]);
    if (r.hardware === result.cheapest) tr.classList.add("cheapest");
    if (r.hardware === currentHardware) tr.classList.add("current");
    return tr;
  });
  $("compare").tBodies[0].replaceChildren(...rows);
}

const SVG = "http://www.w3.org/2000/svg";
function el(name, attrs, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text != null) node.textContent = text;
  return node;
}

function logTicks(min, max) {
  const ticks = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
    for (const m of [1, 2, 5]) { const t = m * 10 ** e; if (t >= min && t <= max) ticks.push(t); }
  }
  return ticks;
}

function renderChart(points, currentBatch) {
  const data = points.filter((p) => p.fits && p.outputTokensPerSecondPerUser > 0 && p.costPerMillionOutputTokensUsd > 0).sort((a, b) => a.batch - b.batch);
  drawChart($("chart"), data, {
    x: (p) => p.outputTokensPerSecondPerUser, y: (p) => p.costPerMillionOutputTokensUsd, yPrefix: "$",
    xLabel: "per-user output speed (tokens/s, log scale)", yLabel: "$ per 1M output tokens (log)",
    label: `Cost per million output tokens against per-user speed for ${data.length} batch sizes`,
    title: (p) => `batch ${p.batch}: ${fmt.format(p.outputTokensPerSecondPerUser)} tokens/s per user, ${usd(p.costPerMillionOutputTokensUsd)} per 1M output`,
    current: (p) => p.batch === currentBatch, filled: () => true,
  });
}

function renderCurve(points) {
  const data = points.filter((p) => p.outputTokensPerSecondPerUser > 0 && p.outputTokensPerSecondPerDevice > 0);
  drawChart($("curve-chart"), data, {
    x: (p) => p.outputTokensPerSecondPerUser, y: (p) => p.outputTokensPerSecondPerDevice, yPrefix: "",
    xLabel: "per-user output speed (tokens/s, log scale)", yLabel: "output tokens/s per device (log)",
    label: `Output tokens per second per device against per-user speed for ${data.length} numbers of concurrent users`,
    title: (p) => `${p.concurrency} users: ${fmt.format(p.outputTokensPerSecondPerUser)} tokens/s per user, ${fmt.format(p.outputTokensPerSecondPerDevice)} tokens/s per device, TTFT ${fmt.format(p.meanTimeToFirstTokenMs)} ms, ${usd(p.costPerMillionOutputTokensUsd)} per 1M output${p.kvCacheLimited ? " (KV-cache limited)" : ""}`,
    current: () => false, filled: (p) => p.onParetoFront, tag: (p) => String(p.concurrency),
  });
}

function drawChart(figure, data, o) {
  if (data.length === 0) { figure.replaceChildren(); return; }
  const W = 640, H = 320, L = 64, R = 16, T = 12, B = 44;
  const xs = data.map(o.x), ys = data.map(o.y);
  const pad = (lo, hi) => (hi / lo < 1.5 ? [lo / 1.25, hi * 1.25] : [lo / 1.1, hi * 1.1]);
  const [x0, x1] = pad(Math.min(...xs), Math.max(...xs)), [y0, y1] = pad(Math.min(...ys), Math.max(...ys));
  const sx = (v) => L + ((Math.log10(v) - Math.log10(x0)) / (Math.log10(x1) - Math.log10(x0))) * (W - L - R);
  const sy = (v) => H - B - ((Math.log10(v) - Math.log10(y0)) / (Math.log10(y1) - Math.log10(y0))) * (H - T - B);
  const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": o.label });
  for (const t of logTicks(x0, x1)) { svg.append(el("line", { class: "grid", x1: sx(t), x2: sx(t), y1: T, y2: H - B })); svg.append(el("text", { x: sx(t), y: H - B + 16, "text-anchor": "middle" }, fmt.format(t))); }
  for (const t of logTicks(y0, y1)) { svg.append(el("line", { class: "grid", x1: L, x2: W - R, y1: sy(t), y2: sy(t) })); svg.append(el("text", { x: L - 6, y: sy(t) + 4, "text-anchor": "end" }, o.yPrefix + fmt.format(t))); }
  svg.append(el("line", { class: "axis", x1: L, x2: W - R, y1: H - B, y2: H - B }), el("line", { class: "axis", x1: L, x2: L, y1: T, y2: H - B }));
  svg.append(el("text", { x: (L + W - R) / 2, y: H - 8, "text-anchor": "middle" }, o.xLabel));
  svg.append(el("text", { x: 14, y: (T + H - B) / 2, "text-anchor": "middle", transform: `rotate(-90 14 ${(T + H - B) / 2})` }, o.yLabel));
  svg.append(el("polyline", { class: "line", points: data.map((p) => `${sx(o.x(p))},${sy(o.y(p))}`).join(" ") }));
  for (const p of data) {
    const c = el("circle", { class: o.filled(p) ? "point" : "point hollow", cx: sx(o.x(p)), cy: sy(o.y(p)), r: 4 });
    c.append(el("title", {}, o.title(p)));
    svg.append(c);
    if (o.tag) svg.append(el("text", { x: sx(o.x(p)) + 6, y: sy(o.y(p)) - 6 }, o.tag(p)));
    if (o.current(p)) svg.append(el("circle", { class: "current", cx: sx(o.x(p)), cy: sy(o.y(p)), r: 8 }));
  }
  figure.replaceChildren(svg);
}

async function update() {
  const id = ++sequence;
  if (inflight) inflight.abort();
  inflight = new AbortController();
  const signal = inflight.signal;
  const state = readState();
  writeUrl(state);
  for (const el of document.querySelectorAll("[data-mode]")) el.hidden = el.dataset.mode !== state.priceMode;
  for (const el of document.querySelectorAll("[data-load]")) el.hidden = el.dataset.load !== state.load;
  const body = deploymentBody(state);
  $("results").setAttribute("aria-busy", "true");
  try {
    const estimate = await post("/v1/estimate", { ...body, load: loadBody(state) }, signal);
    if (id !== sequence) return;
    clearErrors();
    if (!estimate.ok) { showProblem(estimate.json); $("results").setAttribute("aria-busy", "false"); return; }
    renderEstimate(estimate.json);
    const compareBody = { model: body.model, weights: body.weights, stack: body.stack, inputTokens: body.inputTokens, outputTokens: body.outputTokens, electricityPrice: body.electricityPrice, pue: body.pue };
    if (typeof body.batch === "number") compareBody.batch = body.batch;
    const curveBody = { ...body };
    delete curveBody.batch;
    if (state.concurrency) curveBody.concurrency = state.concurrency.split(",").map((s) => value("int", s.trim()));
    const [compare, frontier, curve] = await Promise.all([post("/v1/compare", compareBody, signal), post("/v1/frontier", { ...body, all: true }, signal), post("/v1/curve", curveBody, signal)]);
    if (id !== sequence) return;
    if (compare.ok) renderCompare(compare.json, estimate.json.hardware);
    if (frontier.ok) renderChart(frontier.json.points, estimate.json.batch); else $("chart").replaceChildren();
    $("curve-error").hidden = true;
    if (curve.ok) renderCurve(curve.json.points);
    else { $("curve-chart").replaceChildren(); showProblem(curve.json, "curve-error"); }
    $("results").setAttribute("aria-busy", "false");
  } catch (err) {
    if (err.name !== "AbortError") { $("form-error").textContent = "The service could not be reached."; $("form-error").hidden = false; }
  }
}

function schedule() { clearTimeout(timer); timer = setTimeout(update, 200); }

async function start() {
  try { await loadCatalogs(); } catch { $("form-error").textContent = "The catalogs could not be loaded."; $("form-error").hidden = false; return; }
  const params = new URLSearchParams(location.search);
  if (params.has("hardware")) { $("hardware").value = params.get("hardware"); fillTiers(); }
  applyState(params);
  $("hardware").addEventListener("change", fillTiers);
  $("inputs").addEventListener("input", schedule);
  $("inputs").addEventListener("change", schedule);
  $("inputs").addEventListener("submit", (e) => { e.preventDefault(); update(); });
  $("copy-link").addEventListener("click", async () => {
    try { await navigator.clipboard.writeText(location.href); setText("copy-status", "Link copied."); } catch { setText("copy-status", location.href); }
  });
  await update();
}

start();
