#!/usr/bin/env bash
# A walk through the sandbox: a visitor routed to a human rep, the rep declines, the visitor books a meeting.
# Needs a sandbox hub (demo hours on, the default), $HUB_API_KEY from its start-up log, jq, and npx for buf curl.
# CI runs this very file against a sandbox hub process (WalkthroughTests); the README shows it as it is.
set -euo pipefail
hub=${HUB_URL:-http://127.0.0.1:5080}
# call area.v1.Service/Method JSON: one gRPC call; buf curl reads the contracts from the hub's reflection
call() {
  npx --yes @bufbuild/buf@1.75.0 curl --http2-prior-knowledge --protocol grpc \
    -H "x-api-key: $HUB_API_KEY" --reflect-header "x-api-key: $HUB_API_KEY" \
    -d "$2" "$hub/integrationhub.$1"
}
# expect JQ-TEST JSON PROMISE: stop, saying which promise was broken, when the answer does not pass the test
expect() { jq -e "$1" <<<"$2" >/dev/null || { echo "walk-through broken: $3; the hub answered: $2" >&2; exit 1; }; }

# Every demo rep with status, pools and whether it is inside working hours now: with sandbox demo hours, all are
reps=$(call routing.v1.PresenceService/ListReps '{}')
expect '[.reps[] | select(.inWorkingHours and .status == "PRESENCE_STATUS_AVAILABLE")] | length > 0' "$reps" \
  "demo reps inside working hours and available at any hour"
# Quentin Laurent (BDR of sgdigitale.fr) marks himself available (he is already, under demo hours)
call routing.v1.PresenceService/SetRepPresence \
  '{"repId":"005BDR030000000YBA","status":"PRESENCE_STATUS_AVAILABLE"}' >/dev/null
# In a second terminal, Quentin's alert stream (offers, pounces, click-throughs):
#   call routing.v1.PresenceService/WatchRepAlerts '{"repId":"005BDR030000000YBA"}'

# Who is behind 198.51.100.20, and the CRM's account for it: SG Digitale, Actively Working, BDR Quentin Laurent
# (this also warms the hub's look-up caches, so the first visitor's facts arrive within the decision's deadline)
company=$(call enrichment.v1.EnrichmentService/IdentifyCompany '{"ipAddress":"198.51.100.20"}')
expect '.identification.company.domain == "sgdigitale.fr"' "$company" "198.51.100.20 is SG Digitale"
call crm.v1.CrmService/GetAccount '{"domain":"sgdigitale.fr"}' | jq -c '.account | {name, bdrProspectingStatus}'

# A visitor from sgdigitale.fr on a French page (a new request id each run) → Quentin by actively_working_account
# (were a source late, another French-speaking rep by rule language: a human either way)
visit=$(call routing.v1.RoutingService/RouteVisitor "$(jq -nc --arg id "demo-visit-$(date +%s%N)" \
  '{requestId: $id, ipAddress: "198.51.100.20", pageUrl: "https://www.hub.demo/fr/tarifs"}')")
expect '.decision.target.kind == "TARGET_KIND_HUMAN_REP"' "$visit" "the visitor is offered to a human rep"
jq -r '.decision | "Offered to \(.target.repName) (\(.target.repId)) by rule \(.matchedRule)"' <<<"$visit"
conversation=$(jq -r .decision.conversationId <<<"$visit")
rep=$(jq -r .decision.target.repId <<<"$visit")

# The rep declines; French is not an AI-rep language, so the visitor gets a meeting offer on the rep's calendar
declined=$(call routing.v1.ConversationService/DeclineOffer "$(jq -nc --arg c "$conversation" --arg r "$rep" \
  '{conversationId: $c, repId: $r, reason: "on a call"}')")
expect '.conversation.state == "CONVERSATION_STATE_MEETING_OFFERED" and (.conversation.meetingSlots | length > 0)' \
  "$declined" "a decline leads to a meeting offer with slots"
slot=$(jq -r '.conversation.meetingSlots[0].startTime' <<<"$declined")

# The visitor books the first slot: a unique video link
booked=$(call routing.v1.ConversationService/BookMeeting "$(jq -nc --arg c "$conversation" --arg s "$slot" \
  '{conversationId: $c, slotStartTime: $s, inviteeEmail: "claire@sgdigitale.fr"}')")
expect '.conversation.state == "CONVERSATION_STATE_MEETING_BOOKED"' "$booked" "a booked meeting"
expect '.conversation.meetingJoinUrl | startswith("https://")' "$booked" "a video link for the booked meeting"
echo "Meeting booked at $slot: $(jq -r .conversation.meetingJoinUrl <<<"$booked")"

# The stored decision with its explanation (every rule tried, every source with connector and latency)
decision=$(call routing.v1.RoutingService/GetDecision "$(jq -c '{decisionId: .decision.id}' <<<"$visit")")
expect '.decision.explanation.rules | length == 6' "$decision" "the decision explains every visitor rule"

# Bad input: one field violation per problem, nothing stored
bad='{"requestId":"x","ipAddress":"not-an-ip","pageUrl":"ftp:/x","email":"nope"}'
if call routing.v1.RoutingService/RouteVisitor "$bad" 2>/dev/null; then
  echo "walk-through broken: bad input was accepted" >&2
  exit 1
fi
echo "Walk-through done: a human rep, a decline leading to a meeting offer, a booked meeting with a link."
