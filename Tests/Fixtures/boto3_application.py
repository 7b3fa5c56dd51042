"""A small Neptune application written as one would be with boto3, run against an endpoint (`serve`).

It finds two subnets of the account, makes a subnet group, a cluster parameter group, a cluster without
EngineVersion, a serverless instance (waited for with `db_instance_available`), tags, a snapshot, a restore and a
custom endpoint, reads the events, then tears everything down (the instance through `db_instance_deleted`). Along the
way it checks that the answers agree with each other: the cluster runs the engine's default version, the instance
its cluster's, the parameter group family is the version's, tags listed are the ones added, the restored cluster runs
the snapshot's version, and the events name what was made.

Usage: python3 boto3_application.py ENDPOINT_URL [REGION]. Prints one line per check and exits 0, or prints the
first disagreement and exits 1.
"""

import sys
import time

import boto3

URL = sys.argv[1]
REGION = sys.argv[2] if len(sys.argv) > 2 else "us-east-1"
SESSION = boto3.session.Session(
    aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret", region_name=REGION
)
neptune = SESSION.client("neptune", endpoint_url=URL)
ec2 = SESSION.client("ec2", endpoint_url=URL)
FAST = {"Delay": 1, "MaxAttempts": 60}
NAME = "boto3app"


class Disagreement(Exception):
    pass


def check(label, actual, expected):
    if actual != expected:
        raise Disagreement(f"{label}: expected {expected!r}, got {actual!r}")
    print(f"ok  {label}: {actual!r}")


def wait_for(describe, status_of, wanted, label):
    """Polls until status_of(describe()) is wanted (boto3 has no cluster waiters for Neptune)."""
    for _ in range(120):
        status = status_of(describe())
        if status == wanted:
            return
        time.sleep(0.25)
    raise Disagreement(f"{label} never became {wanted}")


def cluster(identifier):
    return neptune.describe_db_clusters(DBClusterIdentifier=identifier)["DBClusters"][0]


def cluster_gone(identifier):
    for _ in range(120):
        try:
            cluster(identifier)
        except neptune.exceptions.DBClusterNotFoundFault:
            return
        time.sleep(0.25)
    raise Disagreement(f"cluster {identifier} was never deleted")


def main():
    # The account's subnets, two of them in different Availability Zones.
    subnets = ec2.describe_subnets()["Subnets"]
    by_zone = {}
    for subnet in subnets:
        by_zone.setdefault(subnet["AvailabilityZone"], subnet["SubnetId"])
    if len(by_zone) < 2:
        raise Disagreement(f"DescribeSubnets listed subnets in {len(by_zone)} zone(s), not two")
    subnet_ids = list(by_zone.values())[:2]

    default = neptune.describe_db_engine_versions(Engine="neptune", DefaultOnly=True)["DBEngineVersions"]
    check("DefaultOnly lists one version", len(default), 1)
    version, family = default[0]["EngineVersion"], default[0]["DBParameterGroupFamily"]

    neptune.create_db_subnet_group(
        DBSubnetGroupName=f"{NAME}-subnets", DBSubnetGroupDescription="the application's subnets", SubnetIds=subnet_ids
    )
    group = neptune.create_db_cluster_parameter_group(
        DBClusterParameterGroupName=f"{NAME}-params", DBParameterGroupFamily=family, Description="the application's"
    )["DBClusterParameterGroup"]
    check("the cluster parameter group's family", group["DBParameterGroupFamily"], family)

    made = neptune.create_db_cluster(
        DBClusterIdentifier=f"{NAME}-cluster",
        Engine="neptune",
        DBSubnetGroupName=f"{NAME}-subnets",
        DBClusterParameterGroupName=f"{NAME}-params",
        ServerlessV2ScalingConfiguration={"MinCapacity": 1.0, "MaxCapacity": 2.5},
    )["DBCluster"]
    check("a cluster made without EngineVersion runs the default version", made["EngineVersion"], version)
    check("its port", made["Port"], 8182)
    wait_for(lambda: cluster(f"{NAME}-cluster"), lambda c: c["Status"], "available", "the cluster")
    described = cluster(f"{NAME}-cluster")
    check("the cluster's parameter group", described["DBClusterParameterGroup"], f"{NAME}-params")
    check("the cluster's subnet group", described["DBSubnetGroup"], f"{NAME}-subnets")
    listed = neptune.describe_db_cluster_parameter_groups(DBClusterParameterGroupName=described["DBClusterParameterGroup"])
    check(
        "the family of the cluster's parameter group is its version's",
        listed["DBClusterParameterGroups"][0]["DBParameterGroupFamily"],
        family,
    )

    neptune.create_db_instance(
        DBInstanceIdentifier=f"{NAME}-writer",
        DBInstanceClass="db.serverless",
        Engine="neptune",
        DBClusterIdentifier=f"{NAME}-cluster",
    )
    neptune.get_waiter("db_instance_available").wait(DBInstanceIdentifier=f"{NAME}-writer", WaiterConfig=FAST)
    instance = neptune.describe_db_instances(DBInstanceIdentifier=f"{NAME}-writer")["DBInstances"][0]
    check("the instance runs its cluster's version", instance["EngineVersion"], described["EngineVersion"])
    check("the instance's cluster", instance["DBClusterIdentifier"], f"{NAME}-cluster")
    default_group = instance["DBParameterGroups"][0]["DBParameterGroupName"]
    check("the instance's default parameter group", default_group, f"default.{family}")
    groups = neptune.describe_db_parameter_groups(DBParameterGroupName=default_group)["DBParameterGroups"]
    check("the default parameter group's family", groups[0]["DBParameterGroupFamily"], family)
    members = cluster(f"{NAME}-cluster")["DBClusterMembers"]
    check("the cluster lists its writer", [(m["DBInstanceIdentifier"], m["IsClusterWriter"]) for m in members],
          [(f"{NAME}-writer", True)])

    tags = [{"Key": "team", "Value": "graph"}, {"Key": "stage", "Value": "test"}]
    neptune.add_tags_to_resource(ResourceName=described["DBClusterArn"], Tags=tags)
    listed_tags = neptune.list_tags_for_resource(ResourceName=described["DBClusterArn"])["TagList"]
    check("the tags listed are the ones added", sorted(listed_tags, key=lambda t: t["Key"]),
          sorted(tags, key=lambda t: t["Key"]))

    snapshot = neptune.create_db_cluster_snapshot(
        DBClusterSnapshotIdentifier=f"{NAME}-snapshot", DBClusterIdentifier=f"{NAME}-cluster"
    )["DBClusterSnapshot"]
    check("the snapshot's version is its cluster's", snapshot["EngineVersion"], described["EngineVersion"])
    wait_for(
        lambda: neptune.describe_db_cluster_snapshots(DBClusterSnapshotIdentifier=f"{NAME}-snapshot"),
        lambda answer: answer["DBClusterSnapshots"][0]["Status"],
        "available",
        "the snapshot",
    )
    restored = neptune.restore_db_cluster_from_snapshot(
        DBClusterIdentifier=f"{NAME}-restored", SnapshotIdentifier=f"{NAME}-snapshot", Engine="neptune"
    )["DBCluster"]
    check("the restored cluster runs the snapshot's version", restored["EngineVersion"], snapshot["EngineVersion"])
    wait_for(lambda: cluster(f"{NAME}-restored"), lambda c: c["Status"], "available", "the restored cluster")

    endpoint = neptune.create_db_cluster_endpoint(
        DBClusterIdentifier=f"{NAME}-cluster", DBClusterEndpointIdentifier=f"{NAME}-any", EndpointType="ANY"
    )
    check("the custom endpoint's cluster", endpoint["DBClusterIdentifier"], f"{NAME}-cluster")
    wait_for(
        lambda: neptune.describe_db_cluster_endpoints(
            DBClusterIdentifier=f"{NAME}-cluster", DBClusterEndpointIdentifier=f"{NAME}-any"
        ),
        lambda answer: answer["DBClusterEndpoints"][0]["Status"],
        "available",
        "the custom endpoint",
    )

    events = neptune.describe_events(Duration=60)["Events"]
    sources = {event["SourceIdentifier"] for event in events}
    for made_name in (f"{NAME}-cluster", f"{NAME}-writer", f"{NAME}-restored"):
        check(f"the events name {made_name}", made_name in sources, True)

    # Tear-down, in the order the dependencies allow.
    neptune.delete_db_cluster_endpoint(DBClusterEndpointIdentifier=f"{NAME}-any")
    neptune.delete_db_instance(DBInstanceIdentifier=f"{NAME}-writer")
    neptune.get_waiter("db_instance_deleted").wait(DBInstanceIdentifier=f"{NAME}-writer", WaiterConfig=FAST)
    for name in (f"{NAME}-cluster", f"{NAME}-restored"):
        neptune.delete_db_cluster(DBClusterIdentifier=name, SkipFinalSnapshot=True)
        cluster_gone(name)
    neptune.delete_db_cluster_snapshot(DBClusterSnapshotIdentifier=f"{NAME}-snapshot")
    neptune.delete_db_cluster_parameter_group(DBClusterParameterGroupName=f"{NAME}-params")
    neptune.delete_db_subnet_group(DBSubnetGroupName=f"{NAME}-subnets")
    left = neptune.describe_db_clusters()["DBClusters"] + neptune.describe_db_instances()["DBInstances"]
    check("nothing is left", [item.get("DBClusterIdentifier") for item in left], [])
    print("the application got consistent answers")


if __name__ == "__main__":
    try:
        main()
    except Disagreement as disagreement:
        print(f"DISAGREES  {disagreement}")
        sys.exit(1)
