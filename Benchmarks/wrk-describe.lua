-- wrk: the same DescribeDBClusters the runner loop sends (unsigned; the reference server does not check signatures).
wrk.method = "POST"
wrk.body = "Action=DescribeDBClusters&Version=2014-10-31&DBClusterIdentifier=bench-1"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8"
