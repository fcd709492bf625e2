"""Generates the Python stubs this sample needs into build/ and puts them on the import path.

The hub's contracts are compiled from the repository's protos/ folder (never copied); the three googleapis and
grpc files Debian ships no stubs for are compiled from vendored/. Uses grpc_tools from Debian's python3-grpc-tools.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PROTOS = os.path.normpath(os.path.join(HERE, "..", "..", "protos"))
BUILD = os.path.join(HERE, "build")

CONTRACTS = [
    "integrationhub/enrichment/v1/enrichment.proto",
    "integrationhub/connector/v1/connector.proto",
]
VENDORED = ["vendored/health.proto", "vendored/status.proto", "vendored/error_details.proto"]


def generate():
    import grpc_tools
    from grpc_tools import protoc

    well_known = os.path.join(os.path.dirname(grpc_tools.__file__), "_proto")
    os.makedirs(BUILD, exist_ok=True)
    for root, files in ((PROTOS, CONTRACTS), (HERE, VENDORED)):
        args = ["protoc", "-I" + root, "-I" + well_known, "--python_out=" + BUILD, "--grpc_python_out=" + BUILD]
        if protoc.main(args + files) != 0:
            raise SystemExit("protoc failed on " + ", ".join(files))
    if BUILD not in sys.path:
        sys.path.insert(0, BUILD)


if __name__ == "__main__":
    generate()
    print("stubs generated in " + BUILD)
