#!/usr/bin/env python3
"""The request loop most people write to test an AWS mock: boto3, one DescribeDBClusters after another.
Usage: boto3_loop.py URL [seconds]. Prints requests per second."""
import sys
import time

import boto3

url = sys.argv[1]
duration = float(sys.argv[2]) if len(sys.argv) > 2 else 5.0
client = boto3.client("neptune", endpoint_url=url, region_name="us-east-1",
                      aws_access_key_id="AKIDBENCHMARK", aws_secret_access_key="benchmark-secret")
try:
    client.create_db_cluster(DBClusterIdentifier="bench-1", Engine="neptune")
except Exception:
    pass
count = 0
cpu_before = time.process_time()
started = time.monotonic()
deadline = started + duration
while time.monotonic() < deadline:
    client.describe_db_clusters(DBClusterIdentifier="bench-1")
    count += 1
elapsed = time.monotonic() - started
cpu = time.process_time() - cpu_before
print(f"boto3 loop: {count / elapsed:.0f} req/s ({count} requests, sequential, {elapsed:.1f} s); client CPU {cpu / max(1, count) * 1e6:.1f} us/request")
