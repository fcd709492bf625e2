// The live routing dashboard: a sales-development manager's day. Reads the hub's JSON routes with an API key (kept
// for this tab only), hears each new decision over the hub's server-sent events as it is made, and re-reads the
// panels no stream covers (presence, waiting visitors, connectors) every few seconds.
import { $, clock } from "./dom.js";
import { drawDecisionsPerHour, drawWaitTimes } from "./charts.js";
import { drawDecisions, openExplanation } from "./decisions.js";
import { drawMetrics, drawWaiting, drawReps, drawRepDetail, drawConnectors } from "./panels.js";

const REFRESH_MS = 5000;
const DAY_MS = 24 * 3600 * 1000;
const LATEST = 15;
const PAGE = 500; // the newest of today's decisions listed; the charts and loads come from the hub's counters

const state = {
  generation: 0, key: null, dayStart: 0, reps: [], names: new Map(), metrics: {},
  decisions: new Map(), fresh: new Set(), selectedRep: null, live: false,
};

class KeyRefused extends Error {}

function takeKey() {
  const match = /(?:^#|&)key=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem("hubKey", decodeURIComponent(match[1]));
    history.replaceState(null, "", location.pathname); // the key leaves the address bar and history
  }
  return sessionStorage.getItem("hubKey");
}

async function get(path, signal) {
  const response = await fetch(path, { headers: { "x-api-key": state.key, accept: "application/json" }, signal });
  if (response.status === 401 || response.status === 403) {
    throw new KeyRefused(`the hub refused the key (HTTP ${response.status})`);
  }
  if (!response.ok) throw new Error(`${path} answered HTTP ${response.status}`);
  return response.json();
}

/**
 * Today's newest decisions, for the list (and the selected rep's, which may be older). The figures and charts are
 * not drawn from these: the hub counts them with each decision and sends them with the day's metrics.
 */
async function loadDecisions() {
  const from = new Date(state.dayStart).toISOString();
  const loaded = new Map();
  const rep = state.selectedRep ? `&repId=${encodeURIComponent(state.selectedRep)}` : "";
  for (const filter of rep ? ["", rep] : [""]) {
    const page = await get(`/v1/decisions?startTime=${from}&pageSize=${PAGE}${filter}`);
    for (const d of page.decisions ?? []) loaded.set(d.id, d);
  }
  // Decisions heard on the stream while the pages were read stay.
  for (const [id, d] of state.decisions) if (!loaded.has(id)) loaded.set(id, d);
  state.decisions = loaded;
}

async function refreshPanels(generation = state.generation) {
  const now = Date.now();
  const from = new Date(state.dayStart).toISOString();
  const to = new Date(now + 1000).toISOString();
  const [reps, metrics, waiting, connectors] = await Promise.all([
    get("/v1/reps"),
    get(`/v1/metrics/routing?startTime=${from}&endTime=${to}`),
    get("/v1/conversations?state=CONVERSATION_STATE_OFFERED"),
    get("/v1/connectors"),
  ]);
  // The key was changed while these were read: they belong to the board that was left, not over its prompt.
  if (generation !== state.generation) return;
  state.reps = reps.reps ?? [];
  state.names = new Map(state.reps.map((r) => [r.repId, r.name]));
  state.metrics = metrics;
  drawMetrics(metrics);
  drawWaitTimes($("wait-times"), metrics.waitTimeBuckets);
  drawWaiting(waiting.conversations ?? [], state.names, now);
  drawConnectors(connectors.connectors ?? []);
  drawDay();
  $("window").textContent = `(${from.substring(0, 10)} 00:00 UTC – now)`;
  showStatus(now);
}

function showStatus(now = Date.now()) {
  const feed = state.live ? "new decisions appear as they are made" : "live feed reconnecting…";
  $("status").textContent = `Updated ${clock(new Date(now).toISOString())} UTC · ${feed}`;
  $("status").classList.remove("error");
}

/** The day: decisions per hour and each rep's load (counted by the hub), the selected rep and the latest list. */
function drawDay() {
  const all = [...state.decisions.values()].sort((a, b) => (a.createTime < b.createTime ? 1 : -1));
  drawDecisionsPerHour($("per-hour"), state.metrics.decisionsPerHour ?? []);
  const load = new Map((state.metrics.repDecisions ?? []).map((r) => [r.repId, Number(r.decisions ?? 0)]));
  const availability = new Map((state.metrics.repAvailability ?? []).map((a) => [a.repId, a]));
  drawReps(state.reps, state.metrics.repAvailability, load, state.dayStart, state.selectedRep, selectRep);
  const rep = state.reps.find((r) => r.repId === state.selectedRep);
  drawRepDetail(rep, availability.get(rep?.repId), load.get(rep?.repId) ?? 0, state.dayStart);
  const shown = rep ? all.filter((d) => d.target?.repId === rep.repId) : all.slice(0, LATEST);
  $("decisions-title").textContent = rep ? `${rep.name}'s decisions today` : "Latest decisions";
  drawDecisions(shown, state.names, state.fresh, {
    emptyText: rep ? `No decision has chosen ${rep.name} today.` : "No decisions yet today.",
    onOpen: (d) => openExplanation(d, state.names),
  });
}

function selectRep(repId) {
  state.selectedRep = state.selectedRep === repId ? null : repId;
  drawDay();
  if (state.selectedRep) {
    $("rep-detail").scrollIntoView({ block: "nearest" });
    loadDecisions().then(drawDay).catch(() => {});
  }
}

/** Reads the server-sent events of new decisions; reconnects (and re-reads the day, to fill any gap) when cut. */
async function watch(generation) {
  while (generation === state.generation) {
    const abort = new AbortController();
    state.abort = abort;
    try {
      const response = await fetch("/v1/decisions:watch", {
        headers: { "x-api-key": state.key, accept: "text/event-stream" }, signal: abort.signal,
      });
      if (!response.ok || !response.body) throw new Error(`the feed answered HTTP ${response.status}`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      state.live = true;
      showStatus();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          heard(buffer.substring(0, end));
          buffer = buffer.substring(end + 2);
        }
      }
    } catch (error) {
      if (generation !== state.generation) return;
    }
    state.live = false;
    showStatus();
    await new Promise((resolve) => setTimeout(resolve, REFRESH_MS));
    if (generation === state.generation) await loadDecisions().then(drawDay).catch(() => {});
  }
}

let panelsSoon = null;

function heard(event) {
  const lines = event.split("\n");
  if (!lines.includes("event: decision")) return;
  const data = lines.filter((l) => l.startsWith("data: ")).map((l) => l.substring(6)).join("\n");
  const decision = JSON.parse(data);
  if (new Date(decision.createTime).getTime() >= state.dayStart + DAY_MS) return; // tomorrow: the next tick resets
  state.decisions.set(decision.id, decision);
  state.fresh.add(decision.id);
  drawDay();
  // A routed visitor also changes who is waiting and the day's figures: read them now rather than at the next tick.
  clearTimeout(panelsSoon);
  const generation = state.generation;
  panelsSoon = setTimeout(() => refreshPanels(generation).catch(() => {}), 300);
}

function askForKey(message) {
  state.generation++;
  state.abort?.abort();
  $("board").hidden = true;
  $("change-key").hidden = true;
  $("key-form").hidden = false;
  $("key-input").focus();
  $("status").textContent = message;
  $("status").classList.add("error");
}

async function start(key) {
  const generation = ++state.generation;
  state.abort?.abort();
  state.key = key;
  state.decisions = new Map();
  state.fresh = new Set();
  state.dayStart = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  const tick = async () => {
    if (generation !== state.generation) return;
    try {
      const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
      if (today !== state.dayStart) {
        state.dayStart = today;
        state.decisions = new Map();
        await loadDecisions();
      }
      await refreshPanels(generation);
    } catch (error) {
      if (error instanceof KeyRefused) {
        sessionStorage.removeItem("hubKey");
        askForKey(`Cannot show the dashboard: ${error.message}. Paste a key with the routing scope.`);
        return;
      }
      $("status").textContent = `Cannot reach the hub (${error.message}); retrying…`;
      $("status").classList.add("error");
    }
    setTimeout(tick, REFRESH_MS);
  };
  try {
    await loadDecisions();
  } catch (error) {
    if (error instanceof KeyRefused) {
      sessionStorage.removeItem("hubKey");
      askForKey(`Cannot show the dashboard: ${error.message}. Paste a key with the routing scope.`);
      return;
    }
  }
  if (generation !== state.generation) return;
  // The key works: the prompt goes, and a link to change it takes its place.
  $("key-form").hidden = true;
  $("change-key").hidden = false;
  $("board").hidden = false;
  watch(generation);
  await tick();
}

$("key-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const key = $("key-input").value.trim();
  $("key-input").value = "";
  sessionStorage.setItem("hubKey", key);
  start(key);
});

$("change-key").addEventListener("click", () => {
  $("change-key").hidden = true;
  $("key-form").hidden = false;
  $("key-input").focus();
});

$("all-reps").addEventListener("click", () => selectRep(state.selectedRep));

const key = takeKey();
if (key) start(key); else askForKey("This dashboard needs an API key.");
