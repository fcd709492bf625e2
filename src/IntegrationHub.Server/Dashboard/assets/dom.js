// Small DOM helpers. Everything from the hub goes in as text, never as HTML: names and reasons can carry what a
// visitor or a vendor typed.

export const $ = (id) => document.getElementById(id);

export function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

export function row(cells, tag = "td") {
  const tr = document.createElement("tr");
  for (const cell of cells) {
    const td = document.createElement(tag);
    if (cell instanceof Node) td.append(cell); else td.textContent = cell ?? "";
    tr.append(td);
  }
  return tr;
}

export function table(caption, headers, rows) {
  const t = el("table");
  if (caption) t.append(el("caption", caption));
  const head = el("thead");
  head.append(row(headers, "th"));
  const body = el("tbody");
  body.append(...rows.map((cells) => row(cells)));
  t.append(head, body);
  return t;
}

export function duration(ms) {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export const clock = (iso) => new Date(iso).toISOString().substring(11, 19);
export const stamp = (iso) => new Date(iso).toISOString().substring(0, 19).replace("T", " ") + " UTC";
export const enumName = (value, prefix) =>
  String(value ?? "").replace(prefix, "").toLowerCase().replaceAll("_", " ");
