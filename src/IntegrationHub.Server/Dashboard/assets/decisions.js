// The latest decisions as a list a manager scans, and one decision's full explanation in a dialog: every rule in
// policy order with its outcome, reason and the facts it read, every fact source, the fallbacks and the alerts.
import { $, el, table, clock, stamp, enumName } from "./dom.js";

export function describeTarget(target, names) {
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

export const headline = (d, names) =>
  `${d.kind === "DECISION_KIND_LEAD" ? "Lead" : "Visitor"} → ${describeTarget(d.target, names)}`
  + (d.matchedRule ? ` by ${d.matchedRule}` : "");

/** The matched rule's reason, then each fallback's: why the decision went where it went, in one line. */
function why(d) {
  const matched = (d.explanation?.rules ?? []).find((r) => r.rule === d.matchedRule);
  const reasons = [matched?.reason, ...(d.explanation?.fallbacks ?? []).map((f) => f.reason)].filter(Boolean);
  return reasons.join("; then ") || "no rule matched";
}

export function drawDecisions(decisions, names, fresh, { emptyText, onOpen }) {
  $("decisions-empty").hidden = decisions.length > 0;
  $("decisions-empty").textContent = emptyText;
  $("decisions").replaceChildren(...decisions.map((d) => {
    const li = el("li", null, fresh.has(d.id) ? "fresh" : "");
    li.dataset.decision = d.id;
    const open = el("button", headline(d, names), "headline link");
    open.type = "button";
    open.setAttribute("aria-haspopup", "dialog");
    open.addEventListener("click", () => onOpen(d));
    li.append(open, el("p", why(d), "why"));
    const meta = el("div", `${clock(d.createTime)} UTC · decision ${d.id}`, "meta");
    if (d.degraded) meta.append(" · ", el("span", "degraded: a fact source failed or was late", "degraded"));
    li.append(meta);
    return li;
  }));
}

export function openExplanation(d, names) {
  $("explanation-title").textContent = headline(d, names);
  const body = [];
  const facts = [`Decided ${stamp(d.createTime)}`, `decision ${d.id}`, `request ${d.requestId || "—"}`];
  if (d.conversationId) facts.push(`conversation ${d.conversationId}`);
  body.push(el("p", facts.join(" · "), "meta"));
  body.push(el("p", why(d), "why"));
  if (d.degraded) body.push(el("p", "Degraded: a fact source failed or was late, and the decision was made without it.",
    "degraded"));
  const rules = d.explanation?.rules ?? [];
  body.push(el("h3", "Rules, in policy order"));
  body.push(table(null, ["Rule", "Outcome", "Why", "Facts it read"], rules.map((r) => {
    const outcome = enumName(r.outcome, "RULE_OUTCOME_");
    return [r.rule, el("span", outcome, `outcome-${outcome.replaceAll(" ", "-")}`), r.reason ?? "",
      (r.facts ?? []).map((f) => `${f.name} = ${f.value}${f.source ? ` (${f.source})` : ""}`).join("; ")];
  })));
  body.push(el("h3", "Fact sources"));
  body.push(table(null, ["Fact", "Capability", "Connector", "Status", "Latency", "Error"],
    (d.explanation?.sources ?? []).map((s) => [s.source ?? "", s.capability ?? "", s.connector || "—",
      enumName(s.status, "SOURCE_STATUS_"), s.latencyMs ? `${s.latencyMs} ms` : "", s.error ?? ""])));
  const fallbacks = d.explanation?.fallbacks ?? [];
  body.push(el("h3", "Fallbacks"));
  body.push(fallbacks.length === 0 ? el("p", "None fired.", "empty")
    : listOf(fallbacks.map((f) => `${f.fallback}: ${f.reason ?? ""}`)));
  const alerts = d.explanation?.notifications ?? [];
  body.push(el("h3", "Alerts raised"));
  body.push(alerts.length === 0 ? el("p", "None.", "empty")
    : listOf(alerts.map((n) => `${names.get(n.recipientId) ?? n.recipientId}: ${n.reason}`)));
  $("explanation-body").replaceChildren(...body);
  const dialog = $("explanation");
  dialog.dataset.decision = d.id;
  if (!dialog.open) dialog.showModal();
}

function listOf(items) {
  const list = el("ul");
  list.append(...items.map((text) => el("li", text)));
  return list;
}
