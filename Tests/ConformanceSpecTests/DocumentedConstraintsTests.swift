import ConformanceSpec
import Testing

/// `DocumentedConstraints`: the sentences AWS writes in the API document and in botocore's documentation strings,
/// read into the spec's constraint kinds and defaults (the texts are the model's and the seed's own wording).
@Suite struct DocumentedConstraintsTests {
    @Test(arguments: [
        (
            [
                "Constraints:", "Must contain from 1 to 63 letters, numbers, or hyphens.",
                "First character must be a letter.",
                "Cannot end with a hyphen or contain two consecutive hyphens.",
            ],
            [Constraint.Kind.identifier(minLength: 1, maxLength: 63)]
        ),
        (
            [
                "Constraints: Must be 1 to 255 letters, numbers, or hyphens. First character must be a letter Cannot end with a hyphen"
            ],
            [.identifier(minLength: 1, maxLength: 255)]
        ),
        (["Constraints: Must be 1 to 255 alphanumeric characters"], [.length(min: 1, max: 255)]),
        (
            [
                "Constraints: Must contain no more than 255 letters, numbers, periods, underscores, spaces, or hyphens. Must not be default."
            ],
            [.length(min: nil, max: 255), .notOneOf(["default"])]
        ),
        (
            [
                "The number of days. You must specify a minimum value of 1.", "Default: 1", "Constraints:",
                "• Must be a value from 1 to 35",
            ],
            [.range(min: 1, max: 35)]
        ),
        (["Default: 100 Constraints: Minimum 20, maximum 100."], [.range(min: 20, max: 100)]),
        (
            ["Constraints: Value must be 1150-65535", "Default: The same port as the original DB cluster."],
            [.range(min: 1150, max: 65535)]
        ),
        (
            [
                "Constraints:", "Must be in the format hh24:mi-hh24:mi .",
                "Must be in Universal Coordinated Time (UTC).",
                "Must not conflict with the preferred maintenance window.", "Must be at least 30 minutes.",
            ],
            [.window(.daily, minMinutes: 30)]
        ),
        (
            [
                "Format: ddd:hh24:mi-ddd:hh24:mi", "Valid Days: Mon, Tue, Wed, Thu, Fri, Sat, Sun.",
                "Constraints: Minimum 30-minute window.",
            ],
            [.window(.weekly, minMinutes: 30)]
        ),
        (["Valid Values: neptune"], [.oneOf(["neptune"])]),
        (
            ["Default: All parameter types returned", "Valid Values: user | system | engine-default"],
            [.oneOf(["user", "system", "engine-default"])]
        ),
        (
            ["Valid Values:", "standard – ( the default ) Cheap.", "iopt1 – Fast.", "Only from 1.3.0.0."],
            [.oneOf(["standard", "iopt1"])]
        ),
        (["Valid values: standard , iopt1", "Default: standard"], [.oneOf(["standard", "iopt1"])]),
        (
            [
                "You can specify one of the following values:", "full-copy - A full copy.", "copy-on-write - A clone.",
                "If you don't specify a RestoreType value, then the new DB cluster is restored as a full copy.",
            ],
            [.oneOf(["full-copy", "copy-on-write"])]
        ),
        (["Valid Values (for the application method): immediate | pending-reboot"], []),
        (
            [
                "Constraints: Must match the name of an existing DBSubnetGroup.",
                "If supplied, must match an existing DBClusterIdentifier.",
            ], []
        ),
    ])
    func sentencesBecomeConstraints(_ lines: [String], _ expected: [Constraint.Kind]) {
        #expect(DocumentedConstraints.read(lines: lines).constraints.map(\.kind) == expected)
    }

    @Test(
        arguments: [
            (["Default: 1", "Constraints: Must be a value from 1 to 35"], "1"),
            (["Default: false ."], "false"),
            (["Default: true"], "true"),
            (["Valid Values:", "standard – ( the default ) Cheap.", "iopt1 – Fast."], "standard"),
            (["Default: The existing name setting"], nil),
            (["Default: All parameter types returned"], nil),
            (["The default is a 30-minute window selected at random."], nil),
        ] as [([String], String?)])
    func literalDefaultsAreReadAndProseIsNot(_ lines: [String], _ expected: String?) {
        #expect(DocumentedConstraints.read(lines: lines).defaultValue?.value == expected)
    }
}
