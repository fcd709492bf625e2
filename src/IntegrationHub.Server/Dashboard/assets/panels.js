// The dashboard's tables: the day's figures, who is waiting, every rep with their load and availability, one rep in
// detail, and the connectors.
import { $, el, row, duration, clock, stamp, enumName } from "./dom.js";
import { loadBar } from "./charts.js";

const DAY_MS = 24 * 3600 * 1000;

export function drawMetrics(m) {
  const count = (value) => String(Number(value ?? 0));
  const figures = [
    ["Sessions routed for pouncing", count(m.sessionsRoutedForPounce)],
    ["Successful pounce conversations", count(m.successfulPounceConversations)],
    ["Sessions where the visitor waited for a rep", count(m.sessionsWaited)],
    ["Waited and had a conversation", count(m.sessionsWaitedWithConversation)],
    ["Waited and had none", count(m.sessionsWaitedWithoutConversation)],
    ["Offers accepted / declined / expired",
      `${count(m.offersAccepted)} / ${count(m.offersDeclined)} / ${count(m.offersExpired)}`],
    ["Total rep availability", duration(Number(m.totalAvailableSeconds ?? 0) * 1000)],
  ];
  $("metrics").replaceChildren(...figures.map(([label, value]) => {
    const box = el("div");
    box.dataset.metric = label;
    box.append(el("dt", label), el("dd", value));
    return box;
  }));
}

export function drawWaiting(conversations, names, now) {
  $("waiting-empty").hidden = conversations.length > 0;
  $("waiting").hidden = conversations.length === 0;
  $("waiting").tBodies[0].replaceChildren(...conversations.map((c) => {
    const since = new Date(c.createTime ?? c.updateTime).getTime();
    const expires = c.offerExpireTime ? duration(new Date(c.offerExpireTime).getTime() - now) : "";
    const tr = row([c.id.substring(0, 12), names.get(c.repId) ?? c.repId ?? "", duration(now - since), expires]);
    tr.dataset.conversation = c.id;
    return tr;
  }));
}

/** Bars for each span a rep was available today, on a 24-hour track. */
export function timeline(rep, own, dayStart) {
  const track = el("div", null, "timeline");
  track.setAttribute("role", "img");
  for (const span of own?.spans ?? []) {
    const start = new Date(span.startTime).getTime() - dayStart;
    const end = new Date(span.endTime).getTime() - dayStart;
    const bar = el("span");
    bar.style.left = `${(100 * start) / DAY_MS}%`;
    bar.style.width = `${(100 * (end - start)) / DAY_MS}%`;
    bar.title = `available ${clock(span.startTime)}–${clock(span.endTime)}`;
    track.append(bar);
  }
  const total = duration(Number(own?.availableSeconds ?? 0) * 1000);
  const spans = (own?.spans ?? []).map((s) => `${clock(s.startTime)}–${clock(s.endTime)}`).join(", ");
  track.setAttribute("aria-label", `${rep.name} was available for ${total} today${spans ? ` (${spans})` : ""}`);
  return track;
}

const statusOf = (rep) => enumName(rep.status, "PRESENCE_STATUS_") || "offline";

/**
 * Every rep: status, hours, pools, today's load (decisions that chose them) against their cap, and availability.
 * The Cap column lists each cap with the work counted against it in the rep's own day or week ("2 of 5 chats today";
 * a pool's cap names the pool), and says "no cap" when the policy sets none.
 */
export function drawReps(reps, availability, load, dayStart, selected, onSelect) {
  const spans = new Map((availability ?? []).map((a) => [a.repId, a]));
  const most = Math.max(1, ...reps.map((r) => load.get(r.repId) ?? 0));
  $("reps").tBodies[0].replaceChildren(...reps.map((rep) => {
    const status = statusOf(rep);
    const pick = el("button", rep.name, "link rep-name");
    pick.type = "button";
    pick.setAttribute("aria-pressed", String(rep.repId === selected));
    pick.addEventListener("click", () => onSelect(rep.repId));
    const count = load.get(rep.repId) ?? 0;
    const loadCell = el("span", null, "load");
    loadCell.append(el("span", String(count), "load-count"), loadBar(count, null, most));
    const own = spans.get(rep.repId);
    const tr = row([pick, el("span", status, `presence ${status}`), rep.inWorkingHours ? "in hours" : "outside hours",
      (rep.pools ?? []).join(", "), loadCell, capText(rep.caps),
      duration(Number(own?.availableSeconds ?? 0) * 1000), timeline(rep, own, dayStart)]);
    tr.dataset.rep = rep.repId;
    if (rep.repId === selected) tr.classList.add("selected");
    return tr;
  }));
}

/** "2 of 5 chats today, 7 of 40 leads this week in sdr-amer"; "no cap" when the policy sets none. */
function capText(caps) {
  if (!caps?.length) return "no cap";
  return caps.map((c) => `${Number(c.taken ?? 0)} of ${c.limit} ${c.work} ${c.period === "day" ? "today" : "this week"}`
    + (c.pool ? ` in ${c.pool}` : "")).join(", ");
}

/** One rep in detail: what they are doing now and how their day went, above their decisions. */
export function drawRepDetail(rep, own, count, dayStart) {
  $("rep-detail").hidden = !rep;
  if (!rep) return;
  $("rep-detail-title").textContent = `${rep.name} (${rep.repId})`;
  const pools = (rep.pools ?? []).join(", ") || "no pool";
  const since = rep.updateTime ? ` since ${clock(rep.updateTime)} UTC` : "";
  $("rep-detail-summary").textContent = `${statusOf(rep)}${since}, ${rep.inWorkingHours ? "in" : "outside"} working `
    + `hours · ${rep.routingLevel || "—"} · ${pools} · ${count} decisions today · available `
    + `${duration(Number(own?.availableSeconds ?? 0) * 1000)} today`;
  $("rep-detail-timeline").replaceChildren(timeline(rep, own, dayStart));
}

// A sandbox vendor's condition as hubctl words it: "down until 2026-12-01 10:05:00 UTC".
function describeCondition(condition) {
  const kind = enumName(condition?.kind, "VENDOR_CONDITION_KIND_");
  if (!kind || kind === "healthy" || kind === "unspecified") return "healthy";
  let what = kind === "failing" ? `failing ${Number(condition.failureSharePercent ?? 0)}% of calls` : kind;
  const latency = parseFloat(condition.latency ?? "0");
  if (latency > 0) what += ` (+${Math.round(latency * 1000)} ms)`;
  return what + (condition.endTime ? ` until ${stamp(condition.endTime)}` : "");
}

export function drawConnectors(connectors) {
  $("connectors").tBodies[0].replaceChildren(...connectors.map((c) => {
    const health = enumName(c.health, "CONNECTOR_HEALTH_") || "unknown";
    const vendor = c.sandbox ? `sandbox: ${describeCondition(c.sandboxCondition)}` : "live vendor";
    const credentials = c.credentialsRefusedTime ? `credentials refused since ${stamp(c.credentialsRefusedTime)}`
      : "accepted";
    const serves = (c.servingCapabilities ?? []).join(", ") || `(implements ${(c.capabilities ?? []).join(", ")})`;
    const tr = row([c.name, serves, el("span", health, `health ${health}`), vendor, credentials, c.healthDetail ?? ""]);
    tr.dataset.connector = c.name;
    return tr;
  }));
}
