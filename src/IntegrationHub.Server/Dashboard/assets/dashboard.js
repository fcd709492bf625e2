// The live routing dashboard: reads the hub's JSON routes with an API key (kept for this tab
// only) and redraws every few seconds. Everything from the hub is written as text, never as
// HTML: names and reasons can carry what a visitor or a vendor typed.
"use strict";

const REFRESH_MS = 5000;
const DAY_MS = 24 * 3600 * 1000;
const $ = (id) => document.getElementById(id);

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function row(cells) {
  const tr = document.createElement("tr");
  for (const cell of cells) {
    const td = document.createElement("td");
    if (cell instanceof Node) td.append(cell); else td.textContent = cell ?? "";
    tr.append(td);
  }
  return tr;
}

function duration(ms) {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

const clock = (iso) => new Date(iso).toISOString().substring(11, 19);
const enumName = (value, prefix) => String(value ?? "").replace(prefix, "").toLowerCase().replaceAll("_", " ");

function takeKey() {
  const match = /(?:^#|&)key=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem("hubKey", decodeURIComponent(match[1]));
    history.replaceState(null, "", location.pathname);   // the key leaves the address bar and history
  }
  return sessionStorage.getItem("hubKey");
}

class KeyRefused extends Error {}

async function get(path, key) {
  const response = await fetch(path, { headers: { "x-api-key": key, accept: "application/json" } });
  if (response.status === 401 || response.status === 403) throw new KeyRefused(`the hub refused the key (HTTP ${response.status})`);
  if (!response.ok) throw new Error(`${path} answered HTTP ${response.status}`);
  return response.json();
}

function describeTarget(target, names) {
  const kind = enumName(target?.kind, "TARGET_KIND_");
  const who = target?.repName || names.get(target?.repId) || target?.repId || "";
  switch (kind) {
    case "human rep": return target.pool ? `${who} (round robin in ${target.pool})` : who;
    case "ai rep": return `AI rep ${who}`;
    case "meeting offer": return `meeting offer with ${who}`;
    case "marketing queue": return "marketing queue";
    case "spam": return "spam";
    default: return "not routed";
  }
}

function drawMetrics(m) {
  const count = (value) => String(Number(value ?? 0));
  const figures = [
    ["Sessions routed for pouncing", count(m.sessionsRoutedForPounce)],
    ["Successful pounce conversations", count(m.successfulPounceConversations)],
    ["Sessions where the visitor waited for a rep", count(m.sessionsWaited)],
    ["Waited and had a conversation", count(m.sessionsWaitedWithConversation)],
    ["Waited and had none", count(m.sessionsWaitedWithoutConversation)],
    ["Total rep availability", duration(Number(m.totalAvailableSeconds ?? 0) * 1000)],
  ];
  $("metrics").replaceChildren(...figures.map(([label, value]) => {
    const box = el("div");
    box.dataset.metric = label;
    box.append(el("dt", label), el("dd", value));
    return box;
  }));
}

function drawReps(reps, availability, dayStart) {
  const spans = new Map((availability ?? []).map((a) => [a.repId, a]));
  $("reps").tBodies[0].replaceChildren(...reps.map((rep) => {
    const status = enumName(rep.status, "PRESENCE_STATUS_") || "offline";
    const badge = el("span", status, `presence ${status}`);
    const timeline = el("div", null, "timeline");
    const own = spans.get(rep.repId);
    timeline.setAttribute("role", "img");
    for (const span of own?.spans ?? []) {
      const start = new Date(span.startTime).getTime() - dayStart;
      const end = new Date(span.endTime).getTime() - dayStart;
      const bar = el("span");
      bar.style.left = `${(100 * start) / DAY_MS}%`;
      bar.style.width = `${(100 * (end - start)) / DAY_MS}%`;
      bar.title = `available ${clock(span.startTime)}–${clock(span.endTime)}`;
      timeline.append(bar);
    }
    const total = duration(Number(own?.availableSeconds ?? 0) * 1000);
    timeline.setAttribute("aria-label", `${rep.name} was available for ${total} today`);
    const tr = row([rep.name, badge, rep.inWorkingHours ? "in hours" : "outside hours", (rep.pools ?? []).join(", "), total, timeline]);
    tr.dataset.rep = rep.repId;
    return tr;
  }));
}

function drawWaiting(conversations, names, now) {
  const body = $("waiting").tBodies[0];
  $("waiting-empty").hidden = conversations.length > 0;
  $("waiting").hidden = conversations.length === 0;
  body.replaceChildren(...conversations.map((c) => {
    const since = new Date(c.createTime ?? c.updateTime).getTime();
    const expires = c.offerExpireTime ? duration(new Date(c.offerExpireTime).getTime() - now) : "";
    const tr = row([c.id.substring(0, 12), names.get(c.repId) ?? c.repId ?? "", duration(now - since), expires]);
    tr.dataset.conversation = c.id;
    return tr;
  }));
}

function drawDecisions(decisions, names) {
  $("decisions-empty").hidden = decisions.length > 0;
  $("decisions").replaceChildren(...decisions.map((d) => {
    const li = el("li");
    li.dataset.decision = d.id;
    const rules = d.explanation?.rules ?? [];
    const matched = rules.find((r) => r.rule === d.matchedRule);
    const kind = d.kind === "DECISION_KIND_LEAD" ? "Lead" : "Visitor";
    li.append(el("div", `${kind} → ${describeTarget(d.target, names)}${d.matchedRule ? ` by ${d.matchedRule}` : ""}`, "headline"));
    const why = [matched?.reason, ...(d.explanation?.fallbacks ?? []).map((f) => f.reason)].filter(Boolean).join("; then ");
    li.append(el("p", why || "no rule matched", "why"));
    const meta = el("div", `${clock(d.createTime)} UTC · decision ${d.id}`, "meta");
    if (d.degraded) meta.append(" · ", el("span", "degraded: a fact source failed or was late", "degraded"));
    li.append(meta);
    const details = el("details");
    details.append(el("summary", "Every rule and fact source"));
    const list = el("ol");
    for (const r of rules) {
      const outcome = enumName(r.outcome, "RULE_OUTCOME_");
      const item = el("li");
      item.append(el("span", `${r.rule}: ${outcome}`, `outcome-${outcome.replace(" ", "-")}`), ` — ${r.reason ?? ""}`);
      list.append(item);
    }
    for (const s of d.explanation?.sources ?? []) {
      list.append(el("li", `${s.source} from ${s.connector || "—"}: ${enumName(s.status, "SOURCE_STATUS_")}${s.latencyMs ? `, ${s.latencyMs} ms` : ""}${s.error ? ` (${s.error})` : ""}`));
    }
    details.append(list);
    li.append(details);
    return li;
  }));
}

// A sandbox vendor's condition as hubctl words it: "down until 2026-12-01 10:05:00 UTC".
function describeCondition(condition) {
  const kind = enumName(condition?.kind, "VENDOR_CONDITION_KIND_");
  if (!kind || kind === "healthy" || kind === "unspecified") return "healthy";
  let what = kind === "failing" ? `failing ${Number(condition.failureSharePercent ?? 0)}% of calls` : kind;
  const latency = parseFloat(condition.latency ?? "0");
  if (latency > 0) what += ` (+${Math.round(latency * 1000)} ms)`;
  const end = condition.endTime ? ` until ${new Date(condition.endTime).toISOString().substring(0, 19).replace("T", " ")} UTC` : "";
  return what + end;
}

function drawConnectors(connectors) {
  $("connectors").tBodies[0].replaceChildren(...connectors.map((c) => {
    const health = enumName(c.health, "CONNECTOR_HEALTH_") || "unknown";
    const badge = el("span", health, `health ${health}`);
    const vendor = c.sandbox ? `sandbox: ${describeCondition(c.sandboxCondition)}` : "live vendor";
    const credentials = c.credentialsRefusedTime
      ? `credentials refused since ${new Date(c.credentialsRefusedTime).toISOString().substring(0, 19).replace("T", " ")} UTC`
      : "accepted";
    const serves = (c.servingCapabilities ?? []).join(", ") || `(implements ${(c.capabilities ?? []).join(", ")})`;
    const tr = row([c.name, serves, badge, vendor, credentials, c.healthDetail ?? ""]);
    tr.dataset.connector = c.name;
    return tr;
  }));
}

async function refresh(key) {
  const now = Date.now();
  const dayStart = Math.floor(now / DAY_MS) * DAY_MS;
  const from = new Date(dayStart).toISOString();
  const to = new Date(now + 1000).toISOString();
  const [reps, metrics, waiting, decisions, connectors] = await Promise.all([
    get("/v1/reps", key),
    get(`/v1/metrics/routing?startTime=${from}&endTime=${to}`, key),
    get("/v1/conversations?state=CONVERSATION_STATE_OFFERED", key),
    get(`/v1/decisions?startTime=${from}&pageSize=15`, key),
    get("/v1/connectors", key),
  ]);
  const names = new Map((reps.reps ?? []).map((r) => [r.repId, r.name]));
  drawMetrics(metrics);
  drawReps(reps.reps ?? [], metrics.repAvailability, dayStart);
  drawWaiting(waiting.conversations ?? [], names, now);
  drawDecisions(decisions.decisions ?? [], names);
  drawConnectors(connectors.connectors ?? []);
  $("window").textContent = `(${from.substring(0, 10)} 00:00 UTC – now)`;
  $("status").textContent = `Updated ${clock(new Date(now).toISOString())} UTC · refreshes every ${REFRESH_MS / 1000} s`;
  $("status").classList.remove("error");
  $("board").hidden = false;
}

function askForKey(message) {
  $("board").hidden = true;
  $("key-form").hidden = false;
  $("status").textContent = message;
  $("status").classList.add("error");
}

function start(key) {
  $("key-form").hidden = true;
  const tick = async () => {
    try {
      await refresh(key);
      setTimeout(tick, REFRESH_MS);
    } catch (error) {
      if (error instanceof KeyRefused) {
        sessionStorage.removeItem("hubKey");
        askForKey(`Cannot show the dashboard: ${error.message}. Paste a key with the routing scope.`);
        return;
      }
      $("status").textContent = `Cannot reach the hub (${error.message}); retrying…`;
      $("status").classList.add("error");
      setTimeout(tick, REFRESH_MS);
    }
  };
  tick();
}

$("key-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const key = $("key-input").value.trim();
  sessionStorage.setItem("hubKey", key);
  start(key);
});

const key = takeKey();
if (key) start(key); else askForKey("This dashboard needs an API key.");
