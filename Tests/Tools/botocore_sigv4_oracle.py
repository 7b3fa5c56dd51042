#!/usr/bin/env python3
"""Sign requests with botocore's own SigV4 signer, as an oracle for SigV4Signer.

Reads JSON lines on stdin: {"url", "body", "headers": [[name, value], ...], "amzDate": "20150830T123600Z",
"accessKey", "secretKey", "sessionToken" (optional), "region", "service"}; prints one JSON line per input
with botocore's Authorization, X-Amz-Date and X-Amz-Security-Token headers. Exit 3 without botocore.
"""
import datetime
import json
import sys

try:
    import botocore.auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
except ImportError:
    print("botocore is not installed (pip install botocore)", file=sys.stderr)
    sys.exit(3)

for line in sys.stdin:
    if not line.strip():
        continue
    item = json.loads(line)
    moment = datetime.datetime.strptime(item["amzDate"], "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.timezone.utc)
    botocore.auth.get_current_datetime = lambda moment=moment: moment.replace(tzinfo=None)
    request = AWSRequest(method="POST", url=item["url"], data=item["body"].encode("utf-8"))
    for name, value in item["headers"]:
        request.headers[name] = value
    credentials = Credentials(item["accessKey"], item["secretKey"], item.get("sessionToken"))
    botocore.auth.SigV4Auth(credentials, item["service"], item["region"]).add_auth(request)
    print(json.dumps({
        "Authorization": request.headers.get("Authorization"),
        "X-Amz-Date": request.headers.get("X-Amz-Date"),
        "X-Amz-Security-Token": request.headers.get("X-Amz-Security-Token"),
    }))
