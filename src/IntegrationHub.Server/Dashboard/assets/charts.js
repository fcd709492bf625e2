// The dashboard's charts, drawn as plain SVG by the page itself (nothing downloaded, nothing from a CDN). Each chart
// is an image with a spoken summary and, beneath it, the same figures as a table for anyone who cannot see it.
import { el, table } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";
// Colours told apart by most colour-blind readers (Okabe–Ito), in a fixed order so a rule keeps its colour.
const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

function svg(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes ?? {})) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = String(text);
  return node;
}

function niceMax(value) {
  if (value <= 4) return 4;
  const step = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / step) * step;
}

function legend(series) {
  const list = el("ul", null, "legend");
  for (const { name, colour } of series) {
    const item = el("li");
    const swatch = el("span", null, "swatch");
    swatch.style.background = colour;
    item.append(swatch, name);
    list.append(item);
  }
  return list;
}

/** The chart's figures as a table, behind a disclosure that stays open across redraws once a reader opens it. */
function fallback(host, summary, caption, headers, rows) {
  const details = el("details", null, "chart-table");
  details.open = host.querySelector("details.chart-table")?.open ?? false;
  details.append(el("summary", summary), table(caption, headers, rows));
  return details;
}

/**
 * A stacked bar chart: one bar per column, split by series.
 * columns: [{ label, values: Map(seriesName -> count) }], series: [names] in stacking order.
 */
function stackedBars(columns, series, { title, axisEvery = 1 }) {
  const width = 640, height = 200, left = 34, bottom = 22, top = 8;
  const plotHeight = height - bottom - top;
  const max = niceMax(Math.max(0, ...columns.map((c) => [...c.values.values()].reduce((a, b) => a + b, 0))));
  const slot = (width - left) / columns.length;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", class: "chart-svg" });
  chart.append(svg("title", {}, title));
  for (const tick of [0, max / 2, max]) {
    const y = top + plotHeight - (tick / max) * plotHeight;
    chart.append(svg("line", { x1: left, x2: width, y1: y, y2: y, class: "grid" }));
    chart.append(svg("text", { x: left - 4, y: y + 4, "text-anchor": "end", class: "axis" }, tick));
  }
  columns.forEach((column, i) => {
    let y = top + plotHeight;
    for (const { name, colour } of series) {
      const value = column.values.get(name) ?? 0;
      if (value === 0) continue;
      const h = (value / max) * plotHeight;
      y -= h;
      const bar = svg("rect", { x: left + i * slot + 1, y, width: Math.max(1, slot - 2), height: h, fill: colour });
      bar.append(svg("title", {}, `${column.label}: ${name} ${value}`));
      chart.append(bar);
    }
    if (i % axisEvery === 0) {
      chart.append(svg("text", { x: left + i * slot + slot / 2, y: height - 6, "text-anchor": "middle", class: "axis" },
        column.label));
    }
  });
  return chart;
}

const coloured = (names) => names.map((name, i) => ({ name, colour: PALETTE[i % PALETTE.length] }));

/**
 * Decisions per UTC hour of today, stacked by the rule that matched ("no rule" when none did), from the hub's hourly
 * counts (GetRoutingMetrics' decisions_per_hour).
 */
export function drawDecisionsPerHour(host, counted) {
  const ruleOf = (h) => h.rule || "no rule";
  const rules = [...new Set(counted.map(ruleOf))].sort();
  const series = coloured(rules);
  const hours = Array.from({ length: 24 }, (_, h) => ({ label: String(h).padStart(2, "0"), values: new Map() }));
  const byRule = new Map();
  let all = 0;
  for (const h of counted) {
    const hour = hours[new Date(h.hourStartTime).getUTCHours()];
    const n = Number(h.decisions ?? 0);
    hour.values.set(ruleOf(h), (hour.values.get(ruleOf(h)) ?? 0) + n);
    byRule.set(ruleOf(h), (byRule.get(ruleOf(h)) ?? 0) + n);
    all += n;
  }
  const busiest = hours.reduce((a, b) => (total(b) > total(a) ? b : a), hours[0]);
  const title = all === 0
    ? "No decisions yet today."
    : `${all} decisions today; busiest hour ${busiest.label}:00 with ${total(busiest)}; `
      + series.map((s) => `${s.name} ${byRule.get(s.name)}`).join(", ");
  const rows = hours.filter((h) => total(h) > 0)
    .map((h) => [`${h.label}:00`, ...rules.map((r) => String(h.values.get(r) ?? 0)), String(total(h))]);
  host.replaceChildren(
    stackedBars(hours, series, { title, axisEvery: 3 }),
    legend(series),
    fallback(host, "Decisions per hour as a table", title, ["Hour (UTC)", ...rules, "Total"], rows),
  );
}

function total(column) {
  let sum = 0;
  for (const v of column.values.values()) sum += v;
  return sum;
}

/** Visitors who waited for a rep, by how long, split into those a rep then talked to and those who had nobody. */
export function drawWaitTimes(host, buckets) {
  const talked = "a rep accepted", none = "no rep accepted";
  const series = [{ name: talked, colour: "#009E73" }, { name: none, colour: "#D55E00" }];
  const columns = (buckets ?? []).map((b) => {
    const sessions = Number(b.sessions ?? 0), withRep = Number(b.sessionsWithConversation ?? 0);
    const min = Number(b.minSeconds ?? 0), max = Number(b.maxSeconds ?? 0);
    return {
      label: max > 0 ? `${min}–${max} s` : `${min} s +`,
      values: new Map([[talked, withRep], [none, sessions - withRep]]),
    };
  });
  const waited = columns.reduce((sum, c) => sum + total(c), 0);
  const title = waited === 0
    ? "Nobody has waited for a rep yet today."
    : `${waited} visitors waited for a rep today: ` + columns.map((c) => `${c.label} ${total(c)}`).join(", ");
  host.replaceChildren(
    stackedBars(columns, series, { title }),
    legend(series),
    fallback(host, "Wait times as a table", title, ["Waited", "Visitors", talked, none],
      columns.map((c) => [c.label, String(total(c)), String(c.values.get(talked)), String(c.values.get(none))])),
  );
}

/** A rep's load as a small bar, against the cap when there is one (the bar is decoration: the number is in text). */
export function loadBar(load, cap, most) {
  const bar = svg("svg", { viewBox: "0 0 100 10", class: "load-bar", "aria-hidden": "true" });
  const scale = Math.max(cap ?? 0, most, 1);
  bar.append(svg("rect", { x: 0, y: 0, width: 100, height: 10, class: "load-track" }));
  bar.append(svg("rect", { x: 0, y: 0, width: (100 * load) / scale, height: 10, class: "load-fill" }));
  if (cap) bar.append(svg("line", { x1: (100 * cap) / scale, x2: (100 * cap) / scale, y1: 0, y2: 10, class: "cap" }));
  return bar;
}
