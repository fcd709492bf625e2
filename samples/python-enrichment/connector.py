"""A remote enrichment connector for IntegrationHub, in Python: serves integrationhub.enrichment.v1.EnrichmentService,
integrationhub.connector.v1.ConnectorService/Describe and grpc.health.v1.Health over plaintext HTTP/2.

Its "vendor" is a small table of companies by network (a stand-in for a reverse-IP API). --vendor-delay-ms makes
that vendor slow, so the hub's deadline and cancellation can be watched: a call the caller abandons is logged.
"""

import argparse
import ipaddress
import sys
import threading
import time
from concurrent import futures

import stubs

stubs.generate()

import grpc  # noqa: E402
from google.protobuf import any_pb2  # noqa: E402
from integrationhub.connector.v1 import connector_pb2, connector_pb2_grpc  # noqa: E402
from integrationhub.enrichment.v1 import enrichment_pb2 as pb, enrichment_pb2_grpc  # noqa: E402
from vendored import error_details_pb2, health_pb2, health_pb2_grpc, status_pb2  # noqa: E402

NAME = "PyEnrich"
VERSION = "0.1.0"
SERVICE = "integrationhub.enrichment.v1.EnrichmentService"
MAX_BATCH = 100

COMPANIES = [
    (
        ipaddress.ip_network("203.0.113.0/24"),
        pb.Firmographics(
            name="Acme Corp", domain="acme.com", country_code="US", country="United States",
            region="Northern America", state="CA", city="San Jose", industry="Software and Technology",
            employee_range="1,000 - 4,999", employee_count=2300, revenue_range="$250M - $500M",
            annual_revenue_usd=310000000, sic="7372", naics="511210",
        ),
    ),
    (
        ipaddress.ip_network("2001:db8:1::/48"),
        pb.Firmographics(name="SG Digitale", domain="sgdigitale.fr", country_code="FR", country="France",
                         region="Europe", city="Paris", industry="Financial Services"),
    ),
]


def log(message):
    print(message, flush=True)


def abort(context, code, message, violations=(), reason=None):
    """Ends the call with the rich error model: google.rpc.Status in the grpc-status-details-bin trailer."""
    status = status_pb2.Status(code=code.value[0], message=message)
    if violations:
        detail = any_pb2.Any()
        detail.Pack(error_details_pb2.BadRequest(field_violations=[
            error_details_pb2.BadRequest.FieldViolation(field=f, description=d) for f, d in violations]))
        status.details.append(detail)
    if reason:
        detail = any_pb2.Any()
        detail.Pack(error_details_pb2.ErrorInfo(reason=reason, domain="pyenrich.example", metadata={"vendor": NAME}))
        status.details.append(detail)
    context.set_trailing_metadata((("grpc-status-details-bin", status.SerializeToString()),))
    context.abort(code, message)


def parse_ip(text):
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


class Vendor:
    """The stand-in vendor: answers from COMPANIES, after --vendor-delay-ms when set."""

    def __init__(self, delay_ms):
        self.delay = delay_ms / 1000.0

    def lookup(self, ip, context):
        started = time.monotonic()
        while time.monotonic() - started < self.delay:
            # A real connector passes the remaining deadline to its vendor call and stops it when the hub cancels.
            if not context.is_active():
                log("vendor call abandoned: the caller cancelled or its deadline passed after %d ms"
                    % ((time.monotonic() - started) * 1000))
                return None
            time.sleep(0.01)
        for network, company in COMPANIES:
            if ip.version == network.version and ip in network:
                return pb.CompanyIdentification(
                    match_status=pb.MATCH_STATUS_MATCH, confidence=pb.MATCH_CONFIDENCE_HIGH, company=company,
                    product_scores=[pb.ProductScore(product="hub", product_display_name="Hub", intent_score=63,
                                                    buying_stage=pb.BUYING_STAGE_CONSIDERATION, profile_score=71,
                                                    profile_fit=pb.PROFILE_FIT_STRONG, is_qualified_account=True)],
                    segments=[pb.Segment(id=4713, name="Website Engagement 30d")],
                )
        return pb.CompanyIdentification(match_status=pb.MATCH_STATUS_NO_MATCH)


class Enrichment(enrichment_pb2_grpc.EnrichmentServiceServicer):
    def __init__(self, vendor):
        self.vendor = vendor

    def IdentifyCompany(self, request, context):
        ip = parse_ip(request.ip_address)
        if ip is None:
            abort(context, grpc.StatusCode.INVALID_ARGUMENT, "ip_address must be an IPv4 or IPv6 address",
                  [("ip_address", "must be an IPv4 or IPv6 address")])
        identification = self.vendor.lookup(ip, context)
        if identification is None:
            abort(context, grpc.StatusCode.CANCELLED, "the caller gave up")
        return pb.IdentifyCompanyResponse(identification=identification)

    def BatchIdentifyCompanies(self, request, context):
        addresses = list(request.ip_addresses)
        violations = []
        if not 1 <= len(addresses) <= MAX_BATCH:
            violations.append(("ip_addresses", "must hold 1 to %d addresses" % MAX_BATCH))
        violations += [("ip_addresses[%d]" % i, "must be an IPv4 or IPv6 address")
                       for i, text in enumerate(addresses[:MAX_BATCH]) if parse_ip(text) is None]
        if violations:
            abort(context, grpc.StatusCode.INVALID_ARGUMENT, "the batch is invalid", violations)
        results = []
        for text in addresses:
            identification = self.vendor.lookup(parse_ip(text), context)
            if identification is None:
                abort(context, grpc.StatusCode.CANCELLED, "the caller gave up")
            results.append(pb.BatchIdentificationResult(ip_address=text, identification=identification))
        return pb.BatchIdentifyCompaniesResponse(results=results)


class Connector(connector_pb2_grpc.ConnectorServiceServicer):
    def Describe(self, request, context):
        return connector_pb2.DescribeResponse(name=NAME, version=VERSION,
                                              capabilities=[connector_pb2.CAPABILITY_ENRICHMENT])


class Health(health_pb2_grpc.HealthServicer):
    def Check(self, request, context):
        if request.service not in ("", SERVICE):
            context.abort(grpc.StatusCode.NOT_FOUND, "unknown service " + request.service)
        return health_pb2.HealthCheckResponse(status=health_pb2.HealthCheckResponse.SERVING)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=7070, help="0 picks a free port (printed at start)")
    parser.add_argument("--vendor-delay-ms", type=int, default=0, help="make the stand-in vendor this slow")
    args = parser.parse_args()

    server = grpc.server(futures.ThreadPoolExecutor(max_workers=16))
    enrichment_pb2_grpc.add_EnrichmentServiceServicer_to_server(Enrichment(Vendor(args.vendor_delay_ms)), server)
    connector_pb2_grpc.add_ConnectorServiceServicer_to_server(Connector(), server)
    health_pb2_grpc.add_HealthServicer_to_server(Health(), server)
    port = server.add_insecure_port("%s:%d" % (args.host, args.port))
    if port == 0:
        sys.exit("could not listen on %s:%d" % (args.host, args.port))
    server.start()
    log("%s %s listening on %s:%d" % (NAME, VERSION, args.host, port))
    stop = threading.Event()
    try:
        stop.wait()
    except KeyboardInterrupt:
        server.stop(grace=2)


if __name__ == "__main__":
    main()
